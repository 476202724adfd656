package io.chokepoint.platform.limits;

/**
 * A sustained rate and the burst allowed above it: a token bucket of {@code burst} tokens, refilled at
 * {@code perSecond}.
 */
public record Rate(double perSecond, int burst) {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    public Rate {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("requests-per-second must be a positive number, not " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, not " + burst);
        }
    }

    /** Tokens earned over a span of time. */
    double tokensIn(long nanos) {
        return nanos * perSecond / NANOS_PER_SECOND;
    }

    /** Time to earn the given tokens, rounded up. */
    long nanosFor(double tokens) {
        return (long) Math.ceil(tokens / perSecond * NANOS_PER_SECOND);
    }

    /** In words, for an answer: {@code 50 requests per second, bursts of 200}. */
    String describe() {
        return describe("requests");
    }

    /** In words, counting {@code what}: {@code 5000 events per second, bursts of 20000}. */
    public String describe(String what) {
        String rate = perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond);
        return rate + " " + what + " per second, bursts of " + burst;
    }
}
