package io.chokepoint.local.load;

/**
 * When each event is due, counted from the start of the run. Open loop: the n-th event is due at n / rate whatever
 * the sends before it took, so a slow send is caught up on rather than pushing every later one back.
 */
record Pacing(double rate) {

    private static final double NANOS_PER_SECOND = 1e9;

    static Pacing saturate() {
        return new Pacing(Double.POSITIVE_INFINITY);
    }

    static Pacing steady(double rate) {
        return new Pacing(rate);
    }

    boolean saturating() {
        return Double.isInfinite(rate);
    }

    /** How many of {@code planned} events are due once {@code elapsedNanos} have passed. */
    long dueBy(long elapsedNanos, long planned) {
        if (saturating()) {
            return planned;
        }
        long due = (long) Math.floor(elapsedNanos * rate / NANOS_PER_SECOND) + 1;
        return Math.min(planned, Math.max(0, due));
    }

    /** When the event of this index (from 0) is due, in nanoseconds from the start. */
    long dueAtNanos(long index) {
        return saturating() ? 0 : (long) Math.ceil(index * NANOS_PER_SECOND / rate);
    }

    String describe() {
        return saturating() ? "as fast as taken" : rate + " events/s";
    }
}
