package io.chokepoint.alerting.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void doublesFromTheInitialWaitUpToTheLongest() {
        assertEquals(Duration.ofSeconds(1), Backoff.after(1, INITIAL, MAX));
        assertEquals(Duration.ofSeconds(2), Backoff.after(2, INITIAL, MAX));
        assertEquals(Duration.ofSeconds(4), Backoff.after(3, INITIAL, MAX));
        assertEquals(Duration.ofSeconds(256), Backoff.after(9, INITIAL, MAX));
        assertEquals(MAX, Backoff.after(10, INITIAL, MAX));
        assertEquals(MAX, Backoff.after(1000, INITIAL, MAX));
    }
}
