package io.chokepoint.platform.outbox;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutboxMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OutboxMetrics metrics = new OutboxMetrics(registry);

    private static final Instant WRITTEN = Instant.parse("2026-11-28T10:15:00Z");

    @Test
    void sentMessagesAreCountedPerTopic() {
        metrics.relayed(List.of(sent("sanctions.entities", 10), sent("sanctions.entities", 20),
                sent("screening.results", 30)));
        metrics.relayed(List.of(sent("sanctions.entities", 40)));
        metrics.relayed(List.of());

        assertEquals(3.0, registry.get(OutboxMetrics.RELAYED).tag("topic", "sanctions.entities").counter().count());
        assertEquals(1.0, registry.get(OutboxMetrics.RELAYED).tag("topic", "screening.results").counter().count());
        assertEquals(2, registry.find(OutboxMetrics.RELAYED).counters().size());
    }

    @Test
    void theRelayDelayRunsFromWritingToAcknowledgementPerTopic() {
        metrics.relayed(List.of(sent("sanctions.entities", 10), sent("sanctions.entities", 30),
                sent("screening.results", 2000)));

        Timer entities = registry.get(OutboxMetrics.DELAY).tag("topic", "sanctions.entities").timer();
        assertEquals(2, entities.count());
        assertEquals(40.0, entities.totalTime(TimeUnit.MILLISECONDS));
        assertEquals(30.0, entities.max(TimeUnit.MILLISECONDS));
        Timer results = registry.get(OutboxMetrics.DELAY).tag("topic", "screening.results").timer();
        assertEquals(2000.0, results.totalTime(TimeUnit.MILLISECONDS));
    }

    @Test
    void aWriterClockAheadOfTheRelayCountsAsNoDelay() {
        metrics.relayed(List.of(sent("sanctions.entities", -500)));

        Timer entities = registry.get(OutboxMetrics.DELAY).tag("topic", "sanctions.entities").timer();
        assertEquals(1, entities.count());
        assertEquals(0.0, entities.totalTime(TimeUnit.MILLISECONDS));
    }

    private static OutboxBatch.Acknowledged sent(String topic, long delayMillis) {
        return new OutboxBatch.Acknowledged(1, topic, WRITTEN, WRITTEN.plusMillis(delayMillis));
    }

    @Test
    void thePendingGaugeShowsTheLastCount() {
        assertEquals(0.0, registry.get(OutboxMetrics.PENDING).gauge().value(), "nothing counted yet");

        metrics.pending(17);
        assertEquals(17.0, registry.get(OutboxMetrics.PENDING).gauge().value());
        metrics.pending(0);
        assertEquals(0.0, registry.get(OutboxMetrics.PENDING).gauge().value());
    }
}
