package io.chokepoint.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MeterFiltersTest {

    private static final String LAG = "kafka.consumer.fetch.manager.records.lag";

    private final MeterFilters filters = new MeterFilters();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    MeterFiltersTest() {
        registry.config().meterFilter(filters.applicationTag("shipment-monitor"));
        registry.config().meterFilter(filters.kafkaLegacyTopicNames());
    }

    @Test
    void everyMeterNamesTheApplication() {
        Counter.builder("chokepoint.outbox.relayed").tag("topic", "shipments.assessed").register(registry).increment();

        assertEquals("shipment-monitor", registry.get("chokepoint.outbox.relayed").counter().getId()
                .getTag(MeterFilters.APPLICATION_TAG));
    }

    @Test
    void theLegacyCopyOfAConsumersTopicMetricsIsDropped() {
        Gauge.builder(LAG, () -> 3).tag("topic", "shipments.inbound").tag("partition", "0").register(registry);
        Gauge.builder(LAG, () -> 3).tag("topic", "shipments_inbound").tag("partition", "0").register(registry);

        assertEquals(1, registry.find(LAG).gauges().size());
        assertEquals(3.0, registry.get(LAG).tag("topic", "shipments.inbound").gauge().value());
        assertNull(registry.find(LAG).tag("topic", "shipments_inbound").gauge());
    }

    @Test
    void otherMetersWithUnderscoresInATopicTagAreKept() {
        Gauge.builder("kafka.producer.topic.record.send.total", () -> 1).tag("topic", "shipments_inbound")
                .register(registry);
        Gauge.builder(LAG, () -> 1).tag("client_id", "kafka-consumer-shipments-inbound").register(registry);

        assertEquals(1, registry.find("kafka.producer.topic.record.send.total").gauges().size());
        assertEquals(1, registry.find(LAG).gauges().size(), "a meter without a topic tag stays");
    }
}
