package io.chokepoint.platform.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private final FakeClock clock = new FakeClock();

    @Test
    void aNewClientHasItsWholeBurstThenWaitsForTheNextToken() {
        TokenBucket bucket = new TokenBucket(new Rate(2, 3), clock.getAsLong());
        for (int i = 0; i < 3; i++) {
            assertEquals(0, bucket.take(clock.getAsLong()), "request " + i);
        }
        assertEquals(Duration.ofMillis(500).toNanos(), bucket.take(clock.getAsLong()));
        clock.advance(Duration.ofMillis(200));
        assertEquals(Duration.ofMillis(300).toNanos(), bucket.take(clock.getAsLong()));
    }

    @Test
    void tokensComeBackAtTheRateUpToTheBurstOnly() {
        TokenBucket bucket = new TokenBucket(new Rate(10, 5), clock.getAsLong());
        for (int i = 0; i < 5; i++) {
            bucket.take(clock.getAsLong());
        }
        clock.advance(Duration.ofMillis(100));
        assertEquals(0, bucket.take(clock.getAsLong()));
        assertTrue(bucket.take(clock.getAsLong()) > 0, "one token came back in 100 ms, and it is spent");

        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            assertEquals(0, bucket.take(clock.getAsLong()), "request " + i + " after a quiet hour");
        }
        assertTrue(bucket.take(clock.getAsLong()) > 0, "a quiet hour is worth the burst, not more");
    }

    @Test
    void aRefusedRequestCostsNothing() {
        TokenBucket bucket = new TokenBucket(new Rate(1, 1), clock.getAsLong());
        bucket.take(clock.getAsLong());
        for (int i = 0; i < 10; i++) {
            assertTrue(bucket.take(clock.getAsLong()) > 0);
        }
        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, bucket.take(clock.getAsLong()), "refusals did not push the next token back");
    }

    @Test
    void aSlowRateWaitsForWholeSeconds() {
        TokenBucket bucket = new TokenBucket(new Rate(0.25, 1), clock.getAsLong());
        bucket.take(clock.getAsLong());
        assertEquals(Duration.ofSeconds(4).toNanos(), bucket.take(clock.getAsLong()));
    }

    @Test
    void aClockReadBeforeTheLastUpdateIsNotAGainOrALoss() {
        long before = clock.getAsLong();
        clock.advance(Duration.ofMillis(10));
        TokenBucket bucket = new TokenBucket(new Rate(1, 2), clock.getAsLong());
        assertEquals(0, bucket.take(before));
        assertEquals(0, bucket.take(clock.getAsLong()));
        assertTrue(bucket.take(before) > 0);
    }

    @Test
    void isFullOnceQuietLongEnoughToRefill() {
        TokenBucket bucket = new TokenBucket(new Rate(4, 2), clock.getAsLong());
        assertTrue(bucket.isFull(clock.getAsLong()));
        bucket.take(clock.getAsLong());
        bucket.take(clock.getAsLong());
        clock.advance(Duration.ofMillis(250));
        assertFalse(bucket.isFull(clock.getAsLong()));
        clock.advance(Duration.ofMillis(250));
        assertTrue(bucket.isFull(clock.getAsLong()));
    }

    @Test
    void aRateMustBePositiveAndABurstAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new Rate(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Rate(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Rate(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new Rate(Double.POSITIVE_INFINITY, 1));
        assertThrows(IllegalArgumentException.class, () -> new Rate(1, 0));
    }

    @Test
    void aRateDescribesItself() {
        assertEquals("50 requests per second, bursts of 200", new Rate(50, 200).describe());
        assertEquals("0.5 requests per second, bursts of 3", new Rate(0.5, 3).describe());
    }

    @Test
    void aBatchSpendsATokenPerItemOrNoneWhenTheBucketHoldsTooFew() {
        TokenBucket bucket = new TokenBucket(new Rate(1000, 2000), clock.getAsLong());
        assertEquals(0, bucket.take(clock.getAsLong(), 1500));
        assertEquals(Duration.ofMillis(500).toNanos(), bucket.take(clock.getAsLong(), 1000),
                "500 held, 500 more come in half a second");
        assertEquals(0, bucket.take(clock.getAsLong(), 500), "the refused batch spent nothing");
        clock.advance(Duration.ofMillis(250));
        assertEquals(0, bucket.take(clock.getAsLong(), 250));
        assertThrows(IllegalArgumentException.class, () -> bucket.take(clock.getAsLong(), 2001),
                "more than the burst can never be held");
    }

    @Test
    void aRateDescribesWhatItCounts() {
        assertEquals("5000 events per second, bursts of 20000", new Rate(5000, 20000).describe("events"));
    }
}
