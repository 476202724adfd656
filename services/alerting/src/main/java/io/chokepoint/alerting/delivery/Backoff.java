package io.chokepoint.alerting.delivery;

import java.time.Duration;

/** The wait before the next attempt: the initial wait, doubled after each further failure, up to the longest. */
public final class Backoff {

    private Backoff() {
    }

    /** @param failures failed attempts so far, at least 1 */
    public static Duration after(int failures, Duration initial, Duration max) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration wait = initial.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }
}
