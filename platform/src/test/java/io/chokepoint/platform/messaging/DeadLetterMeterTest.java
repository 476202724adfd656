package io.chokepoint.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which nacked records count as dead-lettered, under which topic and reason. */
class DeadLetterMeterTest {

    private static final String TOPIC = "shipments.assessed";
    private static final String CHANNEL = "shipments-assessed";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadLetterMeter meter = new DeadLetterMeter(new ConsumerMetrics(registry),
            Set.of(CHANNEL)::contains);

    @Test
    void invalidInputIsCountedAsInvalidUnderTheRecordsTopic() {
        meter.onMessageNack(record(CHANNEL, TOPIC), new InvalidEventException("Invalid ShipmentAssessed: no id"));

        assertEquals(1.0, deadLettered(TOPIC, "invalid"));
        assertEquals(1.0, consumed(TOPIC, "dead_lettered"));
        assertNull(registry.find(ConsumerMetrics.DEAD_LETTERED).tag("reason", "retries_exhausted").counter());
    }

    @Test
    void invalidInputWrappedByTheFrameworkIsStillInvalid() {
        meter.onMessageNack(record(CHANNEL, TOPIC),
                new CompletionException(new IllegalStateException("handler failed",
                        new InvalidEventException("unreadable"))));

        assertEquals(1.0, deadLettered(TOPIC, "invalid"));
    }

    @Test
    void anyOtherFailureWasRetriedUntilTheRetriesWereSpent() {
        meter.onMessageNack(record(CHANNEL, TOPIC), new IllegalStateException("database away"));
        meter.onMessageNack(record(CHANNEL, TOPIC), new IllegalStateException("database still away"));

        assertEquals(2.0, deadLettered(TOPIC, "retries_exhausted"));
        assertEquals(2.0, consumed(TOPIC, "dead_lettered"));
    }

    @Test
    void aNackOnAChannelThatDoesNotDeadLetterIsNotCounted() {
        meter.onMessageNack(record("alerts-raised", "alerts.raised"), new IllegalStateException("failed"));

        assertNull(registry.find(ConsumerMetrics.DEAD_LETTERED).counter());
        assertNull(registry.find(ConsumerMetrics.CONSUMED).counter());
    }

    @Test
    void anAcknowledgedRecordIsLeftToItsHandler() {
        meter.onMessageAck(record(CHANNEL, TOPIC));
        meter.onMessageNack(Message.of("not from Kafka"), new InvalidEventException("unreadable"));

        assertEquals(0, registry.getMeters().size());
    }

    private static Message<String> record(String channel, String topic) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 42L, "key", "{}");
        return Message.of("{}").addMetadata(new IncomingKafkaRecordMetadata<>(record, channel));
    }

    private double deadLettered(String topic, String reason) {
        Counter counter = registry.find(ConsumerMetrics.DEAD_LETTERED).tag("topic", topic).tag("reason", reason)
                .counter();
        return counter == null ? 0.0 : counter.count();
    }

    private double consumed(String topic, String outcome) {
        Counter counter = registry.find(ConsumerMetrics.CONSUMED).tag("topic", topic).tag("outcome", outcome)
                .counter();
        return counter == null ? 0.0 : counter.count();
    }
}
