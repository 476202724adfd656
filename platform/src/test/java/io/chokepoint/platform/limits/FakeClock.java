package io.chokepoint.platform.limits;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A nanosecond clock that moves only when told to. */
final class FakeClock implements LongSupplier {

    private long now = 1_000_000_000L;

    @Override
    public long getAsLong() {
        return now;
    }

    void advance(Duration by) {
        now += by.toNanos();
    }
}
