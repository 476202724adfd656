package io.chokepoint.local.load;

import io.chokepoint.local.eval.EvaluationCase;
import io.chokepoint.local.eval.PipelineQuiescence;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One load run: watches the alerts topic from its end, sends the planned events on the pacing's schedule, then
 * waits until every expected alert has come back and every consumer group of the suite has caught up, or the
 * timeout has passed, and reports what it saw.
 */
final class LoadRun {

    /** Events handed over at once: small enough that each is stamped with its own send time. */
    static final int CHUNK = 200;
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration CHECK_EVERY = Duration.ofMillis(250);
    /** After the end, alerts still arriving are counted for this long: a late duplicate must not go unseen. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final String bootstrapServers;
    private final SuitePipeline pipeline;
    private final PrintStream out;

    LoadRun(String bootstrapServers, SuitePipeline pipeline, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.pipeline = pipeline;
        this.out = out;
    }

    LoadReport run(LoadOptions options, List<EvaluationCase> templates, String runId,
                   Function<SentShipments, ShipmentSink> sinks) throws Exception {
        SentShipments sent = new SentShipments();
        AlertTally tally = new AlertTally(sent);
        LoadReport.Builder report = new LoadReport.Builder(options, runId, LoadAverage.now());
        try (PipelineLag lag = new PipelineLag(bootstrapServers, pipeline.groups());
             PipelineQuiescence topics = new PipelineQuiescence(bootstrapServers, options.timeout());
             AlertWatcher watcher = new AlertWatcher(bootstrapServers, pipeline.alertsTopic(), "chokepoint-load-" + runId, tally);
             ShipmentSink sink = sinks.apply(sent);
             ProgressLine progress = new ProgressLine(out, options.events(), sent, tally, lag)) {
            Map<String, Long> before = counts(topics);
            watcher.start();
            progress.start(PROGRESS_EVERY);
            report.started(System.currentTimeMillis());
            report.behindSchedule(send(options, new ShipmentVariants(templates, options.seed(), runId), sink));
            sink.flush();
            report.sent(sent, sink.lastFailure());
            awaitPipeline(options.timeout(), sent, tally, () -> caughtUp(lag, topics, before, sent.confirmed()), report);
            settle(watcher);
            report.alerts(tally, watcher.failure());
        }
        return report.build(LoadAverage.now());
    }

    /** Sends every planned event when it is due; answers how far behind its schedule the latest send was, in ms. */
    private static long send(LoadOptions options, ShipmentVariants variants, ShipmentSink sink) throws Exception {
        Pacing pacing = options.pacing();
        long start = System.nanoTime();
        long behind = 0;
        long index = 0;
        while (index < options.events()) {
            long elapsed = System.nanoTime() - start;
            long due = pacing.dueBy(elapsed, options.events());
            if (due <= index) {
                TimeUnit.NANOSECONDS.sleep(pacing.dueAtNanos(index) - elapsed);
                continue;
            }
            behind = Math.max(behind, elapsed - pacing.dueAtNanos(index));
            List<EvaluationCase> events = new ArrayList<>();
            for (long upTo = Math.min(due, index + CHUNK); index < upTo; index++) {
                events.add(variants.next(index));
            }
            sink.send(events);
        }
        return pacing.saturating() ? 0 : TimeUnit.NANOSECONDS.toMillis(behind);
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws ExecutionException, InterruptedException;
    }

    private static void awaitPipeline(Duration timeout, SentShipments sent, AlertTally tally, Condition caughtUp,
                                      LoadReport.Builder report) throws ExecutionException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        long caughtUpSince = 0;
        while (true) {
            long now = System.currentTimeMillis();
            caughtUpSince = caughtUp.holds() ? (caughtUpSince == 0 ? now : caughtUpSince) : 0;
            if (caughtUpSince != 0 && tally.missing() == 0) {
                report.finished(caughtUpSince, false);
                return;
            }
            if (now > deadline) {
                report.finished(caughtUpSince, true);
                return;
            }
            Thread.sleep(CHECK_EVERY.toMillis());
        }
    }

    /** No group behind, and each per-event topic holding a record for every event taken. */
    private boolean caughtUp(PipelineLag lag, PipelineQuiescence topics, Map<String, Long> before, long taken)
            throws ExecutionException, InterruptedException {
        for (Map.Entry<String, Long> topic : before.entrySet()) {
            if (topics.recordCount(topic.getKey()) < topic.getValue() + taken) {
                return false;
            }
        }
        return lag.total() == 0;
    }

    private Map<String, Long> counts(PipelineQuiescence topics) throws ExecutionException, InterruptedException {
        Map<String, Long> counts = new HashMap<>();
        for (String topic : pipeline.perEventTopics()) {
            counts.put(topic, topics.recordCount(topic));
        }
        return counts;
    }

    private static void settle(AlertWatcher watcher) throws InterruptedException {
        if (watcher.failure() == null) {
            Thread.sleep(SETTLE.toMillis());
        }
    }
}
