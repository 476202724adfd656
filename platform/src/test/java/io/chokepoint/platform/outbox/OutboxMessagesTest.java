package io.chokepoint.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is fixed when a message is written, and what the relay hands to Kafka from it. */
class OutboxMessagesTest {

    private static final Instant WRITTEN = Instant.parse("2026-11-28T10:15:00.123456Z");

    @Test
    void anEventGetsANewCloudEventsIdAndNoSubjectUnlessGiven() {
        OutboundEvent plain = OutboundEvent.of("alerts.raised", "alert-1", "payload");
        OutboundEvent other = OutboundEvent.of("alerts.raised", "alert-1", "payload");
        assertNotEquals(plain.id(), other.id());
        assertEquals(plain.id(), UUID.fromString(plain.id()).toString());
        assertNull(plain.subject());

        OutboundEvent own = plain.withId("evt-7").withSubject("shipment-9");
        assertEquals("evt-7", own.id());
        assertEquals("shipment-9", own.subject());
        assertEquals("alerts.raised", own.topic());
        assertThrows(NullPointerException.class, () -> OutboundEvent.of("alerts.raised", null, "payload"));
    }

    @Test
    void everythingTheRecordCarriesIsFixedAtWriteTime() {
        OutboundEvent event = OutboundEvent.of("shipments.assessed", "shipment-9", null).withId("evt-7")
                .withSubject("shipment-9");
        OutboxMessage message = Outbox.toMessage(event, "io.chokepoint.shipment.assessed", "{\"a\":1}", WRITTEN,
                TraceContext.NONE);

        assertEquals("shipments.assessed", message.topic);
        assertEquals("shipment-9", message.messageKey);
        assertEquals("{\"a\":1}", message.payload);
        assertEquals("evt-7", message.ceId);
        assertEquals("io.chokepoint.shipment.assessed", message.ceType);
        assertEquals("shipment-9", message.ceSubject);
        assertEquals(WRITTEN, message.createdAt);
        assertNull(message.sentAt);
        assertEquals(0, message.attempts);
    }

    @Test
    void theCloudEventsTypeComesFromTheTopicsConfigurationAndATopicWithoutOneIsRefused() {
        Map<String, String> types = Map.of("alerts.raised", "io.chokepoint.alert.raised");
        assertEquals("io.chokepoint.alert.raised", Outbox.typeOf(types, "alerts.raised"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Outbox.typeOf(types, "alerts.rasied"));
        assertTrue(refused.getMessage().contains("chokepoint.outbox.cloud-events-type.\"alerts.rasied\""),
                refused.getMessage());
    }

    @Test
    void theKafkaMessageNamesItsTopicAndCarriesTheStoredCloudEventsAttributes() throws Exception {
        OutboxMessage message = stored("{\"alertId\":\"a-1\",\"severity\":\"HIGH\"}");
        JsonNode payload = new ObjectMapper().readTree(message.payload);

        Message<Record<String, JsonNode>> kafka = OutboxRelay.toKafkaMessage(message, payload);

        assertEquals("a-1", kafka.getPayload().key());
        assertEquals("HIGH", kafka.getPayload().value().get("severity").asText());
        OutgoingKafkaRecordMetadata<?> record = kafka.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertEquals("alerts.raised", record.getTopic());
        OutgoingCloudEventMetadata<?> ce = kafka.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        assertEquals("ce-1", ce.getId());
        assertEquals("io.chokepoint.alert.raised", ce.getType());
        assertEquals("a-1", ce.getSubject().orElseThrow());
        assertEquals(WRITTEN.atZone(ZoneOffset.UTC), ce.getTimeStamp().orElseThrow());
    }

    @Test
    void aNullPayloadIsATombstoneAndNoSubjectIsSentWhenNoneWasStored() {
        OutboxMessage message = stored(null);
        message.ceSubject = null;

        Message<Record<String, JsonNode>> kafka = OutboxRelay.toKafkaMessage(message, null);

        assertEquals("a-1", kafka.getPayload().key());
        assertNull(kafka.getPayload().value());
        OutgoingCloudEventMetadata<?> ce = kafka.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        assertFalse(ce.getSubject().isPresent());
        assertTrue(kafka.getMetadata(OutgoingKafkaRecordMetadata.class).isPresent());
    }

    private static OutboxMessage stored(String payload) {
        OutboxMessage message = new OutboxMessage();
        message.id = 1L;
        message.topic = "alerts.raised";
        message.messageKey = "a-1";
        message.payload = payload;
        message.ceId = "ce-1";
        message.ceType = "io.chokepoint.alert.raised";
        message.ceSubject = "a-1";
        message.createdAt = WRITTEN;
        return message;
    }
}
