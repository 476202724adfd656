package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.model.Topics;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.platform.outbox.OutboxMessage;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class InboundKafkaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static KafkaCompanion companion;
    private static ConsumerTask<String, String> assessed;
    private static ConsumerTask<String, String> deadLetters;

    @BeforeAll
    static void listen() {
        companion = new KafkaCompanion(KafkaBrokerResource.bootstrapServers());
        assessed = companion.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Topics.SHIPMENTS_ASSESSED);
        deadLetters = companion.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Topics.deadLetter(Topics.SHIPMENTS_INBOUND));
    }

    @AfterAll
    static void stop() {
        assessed.close();
        deadLetters.close();
        companion.close();
    }

    /** What came in by Kafka is read back as an officer reads it. */
    @BeforeEach
    void defaultCaller() {
        Callers.byDefault(TestTokens.officer());
    }

    @AfterEach
    void noDefaultCaller() {
        Callers.reset();
    }

    private static void produce(String key, String value) {
        companion.produceStrings().fromRecords(KafkaCompanion.record(Topics.SHIPMENTS_INBOUND, key, value))
                .awaitCompletion();
    }

    private static Optional<ConsumerRecord<String, String>> assessmentOf(String declarationId) {
        return assessed.getRecords().stream()
                .filter(record -> read(record.value()).path("declarationId").asText().equals(declarationId))
                .findFirst();
    }

    private static List<ConsumerRecord<String, String>> deadLettersWithKey(String key) {
        return deadLetters.getRecords().stream().filter(record -> key.equals(record.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaCompanion.getHeader(record.headers(), name);
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anInboundEventIsAssessedWithItsPrecursorRecognised() {
        ObjectNode event = TestEvents.npp();
        String declarationId = event.get("declarationId").asText();
        produce(declarationId, event.toString());

        await().atMost(PATIENCE).until(() -> assessmentOf(declarationId).isPresent());
        ConsumerRecord<String, String> record = assessmentOf(declarationId).orElseThrow();
        JsonNode assessment = read(record.value());

        assertEquals(assessment.get("shipmentId").asText(), record.key(), "keyed by shipmentId");
        assertEquals(event.get("eventId").asText(), assessment.get("sourceEventId").asText());
        assertEquals(1, assessment.get("revision").asInt());
        JsonNode classification = assessment.at("/goods/0/classification");
        assertEquals("PRECURSOR", classification.get("category").asText());
        assertEquals("NPP", classification.get("itemCode").asText());
        assertTrue(classification.get("evidence").size() > 0);
        assertEquals(List.of("EXPORTER", "CONSIGNEE", "NOTIFY_PARTY", "FORWARDER"),
                assessment.get("parties").findValuesAsText("role"));
        assertEquals("KRPUS", assessment.at("/route/transshipmentPorts/0").asText());

        assertEquals("io.chokepoint.shipment.assessed", header(record, "ce_type"));
        assertEquals(assessment.get("eventId").asText(), header(record, "ce_id"));
        assertNotNull(header(record, "ce_source"));
        assertNotNull(header(record, "ce_time"));
        assertEquals(record.key(), header(record, "ce_subject"));

        String assessmentId = assessment.get("eventId").asText();
        await().atMost(PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>find("ceId", assessmentId).firstResult().sentAt != null));

        given().get("/api/v1/shipments/" + record.key()).then()
                .statusCode(200)
                .body("flagged", equalTo(true))
                .body("events[0].channel", equalTo("KAFKA"))
                .body("latestAssessment.eventId", equalTo(assessment.get("eventId").asText()));
    }

    @Test
    void invalidAndUnreadableRecordsAreDeadLetteredAndTheConsumerGoesOn() {
        String key = TestEvents.newDeclarationId();
        ObjectNode invalid = TestEvents.npp(TestEvents.newEventId(), key);
        ((ObjectNode) invalid.withArray("goods").get(0)).put("casNumber", "39742-60-5");
        invalid.remove("occurredAt");
        ObjectNode valid = TestEvents.npp(TestEvents.newEventId(), key);

        produce(key, invalid.toString());
        produce(key, "{this is not json");
        produce(key, valid.toString());

        await().atMost(PATIENCE).until(() -> deadLettersWithKey(key).size() == 2);
        List<ConsumerRecord<String, String>> dead = deadLettersWithKey(key);
        assertEquals(invalid.toString(), dead.get(0).value());
        assertThat(header(dead.get(0), "dead-letter-reason"), containsString("goods[0].casNumber"));
        assertThat(header(dead.get(0), "dead-letter-reason"), containsString("occurredAt"));
        JsonNode errors = read(header(dead.get(0), InboundShipmentConsumer.ERRORS_HEADER));
        assertEquals(2, errors.size());
        assertEquals("{this is not json", dead.get(1).value());
        assertThat(header(dead.get(1), "dead-letter-reason"), containsString("malformed JSON"));

        await().atMost(PATIENCE).until(() -> assessmentOf(key).isPresent());
        JsonNode assessment = read(assessmentOf(key).orElseThrow().value());
        assertEquals(valid.get("eventId").asText(), assessment.get("sourceEventId").asText());
    }

    @Test
    void aDuplicateRecordIsIgnored() {
        ObjectNode event = TestEvents.npp();
        String declarationId = event.get("declarationId").asText();
        produce(declarationId, event.toString());
        produce(declarationId, event.toString());
        // An amendment that changes the goods, so that it is assessed and published.
        ObjectNode marker = TestEvents.benign(TestEvents.newEventId(), declarationId);
        marker.put("eventType", "AMENDED").put("occurredAt", "2026-11-30T00:00:00Z");
        produce(declarationId, marker.toString());

        // The marker comes after the copy on the same partition: once it is assessed, the copy has been handled.
        await().atMost(PATIENCE).until(() -> assessed.getRecords().stream()
                .anyMatch(record -> read(record.value()).path("sourceEventId").asText()
                        .equals(marker.get("eventId").asText())));
        String shipmentId = assessmentOf(declarationId).orElseThrow().key();
        given().get("/api/v1/shipments/" + shipmentId).then()
                .statusCode(200)
                .body("events", hasSize(2))
                .body("revision", equalTo(2))
                .body("status", equalTo("AMENDED"));
        assertTrue(deadLettersWithKey(declarationId).isEmpty());
    }
}
