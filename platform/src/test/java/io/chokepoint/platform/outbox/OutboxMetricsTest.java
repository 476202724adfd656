package io.chokepoint.platform.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutboxMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OutboxMetrics metrics = new OutboxMetrics(registry);

    @Test
    void sentMessagesAreCountedPerTopic() {
        metrics.relayed(List.of("sanctions.entities", "sanctions.entities", "screening.results"));
        metrics.relayed(List.of("sanctions.entities"));
        metrics.relayed(List.of());

        assertEquals(3.0, registry.get(OutboxMetrics.RELAYED).tag("topic", "sanctions.entities").counter().count());
        assertEquals(1.0, registry.get(OutboxMetrics.RELAYED).tag("topic", "screening.results").counter().count());
        assertEquals(2, registry.find(OutboxMetrics.RELAYED).counters().size());
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
