package io.chokepoint.platform.limits;

/**
 * One client's allowance: up to {@code burst} tokens, refilled continuously at the rate, one spent per request (or per item of a request that counts items).
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
    long take(long now) {
        return take(now, 1);
    }

    /**
     * Spends that many tokens if the bucket holds them: answers 0, or else how long until it does, in nanoseconds
     * (nothing is spent then). More tokens than the burst are never held: asking for them is the caller's error.
     */
    synchronized long take(long now, int count) {
        if (count > rate.burst()) {
            throw new IllegalArgumentException(count + " tokens asked of a bucket of " + rate.burst());
        }
        refill(now);
        if (tokens >= count) {
            tokens -= count;
            return 0;
        }
        return Math.max(1, rate.nanosFor(count - tokens));
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
