package io.chokepoint.local.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A line every few seconds while the run goes on: events taken, expected alerts back, the suite's lag. */
final class ProgressLine implements AutoCloseable {

    private final PrintStream out;
    private final long planned;
    private final SentShipments sent;
    private final AlertTally tally;
    private final PipelineLag lag;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "load-progress");
        thread.setDaemon(true);
        return thread;
    });
    private long startedAtMillis;

    ProgressLine(PrintStream out, long planned, SentShipments sent, AlertTally tally, PipelineLag lag) {
        this.out = out;
        this.planned = planned;
        this.sent = sent;
        this.tally = tally;
        this.lag = lag;
    }

    void start(Duration every) {
        startedAtMillis = System.currentTimeMillis();
        timer.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void print() {
        long seconds = (System.currentTimeMillis() - startedAtMillis) / 1000;
        out.printf("%5ds  sent %d/%d  alerts %d/%d (duplicate %d, unexpected %d)  lag %s%n", seconds,
                sent.confirmed(), planned, tally.arrived(), sent.expectingAlert(), tally.duplicates(),
                tally.unexpected(), lag());
    }

    private String lag() {
        try {
            return Long.toString(lag.total());
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
