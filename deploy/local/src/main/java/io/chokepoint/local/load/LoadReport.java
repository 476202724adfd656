package io.chokepoint.local.load;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run measured. Latency is from the time an event was sent (handed to the producer, or its batch request
 * begun) to the timestamp of its alert's record on the alerts topic (set when alerting produced it), on the same
 * clock. End-to-end throughput runs from the first send to the moment the last expected alert had arrived and
 * every consumer group had caught up, whichever came later.
 */
record LoadReport(LoadOptions options, String runId, String loadAtStart, String loadAtEnd, long startedAtMillis,
                  long sent, long notTaken, String sendFailure, long lastSentAtMillis, long behindScheduleMillis,
                  long expected, long arrived, long duplicates, long unexpected, long otherEntry, long foreign, long missing,
                  List<String> unexpectedSamples, Latencies latencies, long lastExpectedAtMillis, long caughtUpAtMillis, boolean timedOut,
                  String watcherFailure) {

    boolean passed() {
        return !timedOut && missing == 0 && duplicates == 0 && unexpected == 0 && notTaken == 0 && watcherFailure == null;
    }

    long finishedAtMillis() {
        return Math.max(lastExpectedAtMillis, caughtUpAtMillis);
    }

    void print(PrintStream out) {
        out.printf("%nLoad run %s, %s, %s, seed %d, at %s%n", runId, options.transport(), options.pacing().describe(),
                options.seed(), Instant.ofEpochMilli(startedAtMillis));
        out.printf("load average (1, 5, 15 min): %s at start, %s at end%n", loadAtStart, loadAtEnd);
        out.printf("events sent      %d of %d planned%s%n", sent, options.events(),
                notTaken == 0 ? "" : ", " + notTaken + " not taken" + (sendFailure == null ? "" : " (" + sendFailure + ")"));
        out.printf("throughput sent  %.1f/s over %.1f s%s%n", perSecond(sent, lastSentAtMillis), seconds(lastSentAtMillis),
                options.pacing().saturating() ? "" : ", latest send " + behindScheduleMillis + " ms behind schedule");
        out.printf("end to end       %s%n", timedOut ? "not finished within " + options.timeout() : String.format(
                "%.1f/s over %.1f s (last expected alert after %.1f s, every group caught up after %.1f s)",
                perSecond(sent, finishedAtMillis()), seconds(finishedAtMillis()), seconds(lastExpectedAtMillis),
                seconds(caughtUpAtMillis)));
        out.printf("alerts           %d expected, %d arrived, %d missing, %d duplicate, %d unexpected%n", expected,
                arrived, missing, duplicates, unexpected);
        out.printf("                 not judged: %d on another entry of a shipment expecting an alert, %d of other"
                + " shipments%n", otherEntry, foreign);
        unexpectedSamples.forEach(sample -> out.println("  unexpected: " + sample));
        out.printf("latency          p50 %d ms, p90 %d ms, p99 %d ms, max %d ms over %d alerts"
                        + " (send time to the alert record's timestamp)%n",
                latencies.p50(), latencies.p90(), latencies.p99(), latencies.max(), latencies.count());
        if (watcherFailure != null) {
            out.println("alerts topic no longer read: " + watcherFailure);
        }
        out.println(passed() ? "PASSED" : "FAILED: " + failure());
    }

    private String failure() {
        List<String> problems = new ArrayList<>();
        if (notTaken > 0) {
            problems.add(notTaken + " events not taken");
        }
        if (missing > 0) {
            problems.add(missing + " alerts missing");
        }
        if (duplicates > 0) {
            problems.add(duplicates + " duplicate");
        }
        if (unexpected > 0) {
            problems.add(unexpected + " unexpected");
        }
        if (timedOut) {
            problems.add("not finished within " + options.timeout());
        }
        if (watcherFailure != null) {
            problems.add("the alerts topic could not be read");
        }
        return String.join(", ", problems);
    }

    private double seconds(long atMillis) {
        return atMillis <= startedAtMillis ? 0 : (atMillis - startedAtMillis) / 1000.0;
    }

    private double perSecond(long events, long atMillis) {
        double seconds = seconds(atMillis);
        return seconds == 0 ? 0 : events / seconds;
    }

    /** Collects the figures as the run goes through its steps. */
    static final class Builder {

        private final LoadOptions options;
        private final String runId;
        private final String loadAtStart;
        private long startedAtMillis;
        private long behindScheduleMillis;
        private SentShipments sent;
        private String sendFailure;
        private AlertTally tally;
        private String watcherFailure;
        private long caughtUpAtMillis;
        private boolean timedOut;

        Builder(LoadOptions options, String runId, String loadAtStart) {
            this.options = options;
            this.runId = runId;
            this.loadAtStart = loadAtStart;
        }

        void started(long atMillis) {
            startedAtMillis = atMillis;
        }

        void behindSchedule(long millis) {
            behindScheduleMillis = millis;
        }

        void sent(SentShipments shipments, Exception failure) {
            sent = shipments;
            sendFailure = failure == null ? null : failure.toString();
        }

        void finished(long caughtUpAt, boolean timedOut) {
            this.caughtUpAtMillis = caughtUpAt;
            this.timedOut = timedOut;
        }

        void alerts(AlertTally alerts, Exception failure) {
            tally = alerts;
            watcherFailure = failure == null ? null : failure.toString();
        }

        LoadReport build(String loadAtEnd) {
            return new LoadReport(options, runId, loadAtStart, loadAtEnd, startedAtMillis, sent.confirmed(),
                    sent.failed(), sendFailure, sent.lastConfirmedAtMillis(), behindScheduleMillis,
                    sent.expectingAlert(), tally.arrived(), tally.duplicates(), tally.unexpected(), tally.otherEntry(), tally.foreign(),
                    tally.missing(), tally.unexpectedSamples(), tally.latencies(), tally.lastExpectedAtMillis(), caughtUpAtMillis, timedOut,
                    watcherFailure);
        }
    }
}
