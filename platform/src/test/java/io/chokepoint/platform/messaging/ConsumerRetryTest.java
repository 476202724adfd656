package io.chokepoint.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which failures are tried again, and how often (the fault tolerance library runs standalone here). */
class ConsumerRetryTest {

    private static final int MAX_RETRIES = 3;

    private static final String TOPIC = "screening.results";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerRetry retry = new ConsumerRetry(ConsumerRetry.guardFor(new FastRetry()),
            new ConsumerMetrics(registry));

    @Test
    void aTransientFailureIsTriedAgainUntilItPasses() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retry.call(() -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new IllegalStateException("database away");
            }
            return "handled";
        });

        assertEquals("handled", result);
        assertEquals(3, attempts.get());
    }

    @Test
    void invalidInputIsNotTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        InvalidEventException invalid = new InvalidEventException("Invalid ShipmentAssessed: shipmentId is missing");

        InvalidEventException thrown = assertThrows(InvalidEventException.class, () -> retry.call(() -> {
            attempts.incrementAndGet();
            throw invalid;
        }));

        assertSame(invalid, thrown, "the reason reaches the dead-letter headers unchanged");
        assertEquals(1, attempts.get());
    }

    @Test
    void aFailureThatLastsIsThrownAfterTheLastRetry() {
        AtomicInteger attempts = new AtomicInteger();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> retry.call(() -> {
            throw new IllegalStateException("still away, attempt " + attempts.incrementAndGet());
        }));

        assertEquals(MAX_RETRIES + 1, attempts.get());
        assertEquals("still away, attempt " + (MAX_RETRIES + 1), thrown.getMessage());
    }

    @Test
    void aSubclassOfInvalidEventIsInvalidToo() {
        AtomicInteger attempts = new AtomicInteger();
        class RejectedShipment extends InvalidEventException {
            RejectedShipment() {
                super("rejected", null, false);
            }
        }

        assertThrows(RejectedShipment.class, () -> retry.call(() -> {
            attempts.incrementAndGet();
            throw new RejectedShipment();
        }));
        assertEquals(1, attempts.get());
    }

    @Test
    void eachRetryOfARecordIsCountedForItsTopic() {
        AtomicInteger attempts = new AtomicInteger();

        retry.call(TOPIC, () -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new IllegalStateException("database away");
            }
            return "handled";
        });
        retry.call("alerts.raised", () -> "handled at once");

        assertEquals(2.0, retries(TOPIC));
        assertEquals(0.0, retries("alerts.raised"), "a first attempt is not a retry");
    }

    @Test
    void retriesOfAFailureThatLastsAreAllCounted() {
        assertThrows(IllegalStateException.class, () -> retry.call(TOPIC, () -> {
            throw new IllegalStateException("still away");
        }));

        assertEquals(MAX_RETRIES, retries(TOPIC));
    }

    @Test
    void invalidInputIsNeverRetriedSoNeverCountedAsARetry() {
        assertThrows(InvalidEventException.class, () -> retry.call(TOPIC, () -> {
            throw new InvalidEventException("unreadable");
        }));

        assertEquals(0.0, retries(TOPIC));
    }

    @Test
    void theCallerCountsWhatBecameOfTheRecord() {
        ConsumerMetrics metrics = new ConsumerMetrics(registry);

        metrics.record(TOPIC, Consumption.PROCESSED);
        metrics.record(TOPIC, Consumption.PROCESSED);
        metrics.record(TOPIC, Consumption.DUPLICATE);

        assertEquals(2.0, consumed(TOPIC, "processed"));
        assertEquals(1.0, consumed(TOPIC, "duplicate"));
    }

    private double retries(String topic) {
        Counter counter = registry.find(ConsumerMetrics.RETRIES).tag("topic", topic).counter();
        return counter == null ? 0.0 : counter.count();
    }

    private double consumed(String topic, String outcome) {
        Counter counter = registry.find(ConsumerMetrics.CONSUMED).tag("topic", topic).tag("outcome", outcome).counter();
        return counter == null ? 0.0 : counter.count();
    }

    /** Short waits so that the test is quick; the policy is the same. */
    private static final class FastRetry implements MessagingConfig.Retry {
        @Override
        public int maxRetries() {
            return MAX_RETRIES;
        }

        @Override
        public Duration delay() {
            return Duration.ofMillis(10);
        }

        @Override
        public Duration maxDelay() {
            return Duration.ofMillis(40);
        }

        @Override
        public Duration maxDuration() {
            return Duration.ofSeconds(10);
        }
    }
}
