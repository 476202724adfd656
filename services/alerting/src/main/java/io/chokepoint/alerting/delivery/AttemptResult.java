package io.chokepoint.alerting.delivery;

import java.time.Instant;

/**
 * What became of one attempt.
 *
 * @param statusCode the receiver's HTTP status, null when there was no answer
 * @param error      why it failed, null when delivered
 */
public record AttemptResult(Instant startedAt, long durationMs, Integer statusCode, String error) {

    public boolean delivered() {
        return error == null;
    }
}
