package io.chokepoint.platform.limits;

/**
 * One client's allowance: up to {@code burst} tokens, refilled continuously at the rate, one spent per request.
 * Each call holds the bucket's own lock for a few arithmetic operations, and nothing else.
 */
final class TokenBucket {

    private final Rate rate;
    private double tokens;
    private long updatedAt;

    TokenBucket(Rate rate, long now) {
        this.rate = rate;
        this.tokens = rate.burst();
        this.updatedAt = now;
    }

    /** Spends a token if there is one: answers 0, or else how long until the next token, in nanoseconds. */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, rate.nanosFor(1 - tokens));
    }

    /** Whether the bucket is full again by now, so that forgetting it changes nothing. */
    synchronized boolean isFull(long now) {
        return tokens + rate.tokensIn(Math.max(0, now - updatedAt)) >= rate.burst();
    }

    synchronized long updatedAt() {
        return updatedAt;
    }

    private void refill(long now) {
        // A clock never runs back, but a caller that read it before another could arrive second.
        if (now > updatedAt) {
            tokens = Math.min(rate.burst(), tokens + rate.tokensIn(now - updatedAt));
            updatedAt = now;
        }
    }
}
