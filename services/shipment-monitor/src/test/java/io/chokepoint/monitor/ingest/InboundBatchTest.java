package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.model.Topics;
import io.chokepoint.monitor.support.AssessedTopic;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.platform.outbox.OutboxMessage;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.Scrape;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The inbound topic consumed a poll at a time, on the real broker and database: the records of many declarations
 * produced together (one record batch, which a poll fetches whole) keep each declaration's order, a poison record
 * among them is dead-lettered alone, and the same records delivered again change nothing.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class InboundBatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String DUPLICATES = "chokepoint_shipment_events_duplicate_total";

    private static KafkaCompanion companion;
    private static ConsumerTask<String, String> deadLetters;

    @BeforeAll
    static void listen() {
        companion = new KafkaCompanion(KafkaBrokerResource.bootstrapServers());
        String deadLetterTopic = Topics.deadLetter(Topics.SHIPMENTS_INBOUND);
        // subscribed before it exists, a consumer would see the topic only at its next metadata refresh
        if (!companion.topics().list().contains(deadLetterTopic)) {
            companion.topics().createAndWait(deadLetterTopic, 3);
        }
        deadLetters = companion.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Topics.deadLetter(Topics.SHIPMENTS_INBOUND));
    }

    @AfterAll
    static void stop() {
        deadLetters.close();
        companion.close();
    }

    @BeforeEach
    void defaultCaller() {
        Callers.byDefault(TestTokens.officer());
    }

    @AfterEach
    void noDefaultCaller() {
        Callers.reset();
    }

    /** Lingering until all are handed over, the producer writes the records as one batch per partition. */
    private static void produceTogether(List<ObjectNode> events) {
        List<ProducerRecord<String, String>> records = events.stream().map(event -> new ProducerRecord<>(
                Topics.SHIPMENTS_INBOUND, event.path("declarationId").asText(), event.toString())).toList();
        produceRecordsTogether(records);
    }

    private static void produceRecordsTogether(List<ProducerRecord<String, String>> records) {
        companion.produceStrings()
                .withProp(ProducerConfig.LINGER_MS_CONFIG, "500")
                .withProp(ProducerConfig.BATCH_SIZE_CONFIG, "1048576")
                .fromRecords(records)
                .awaitCompletion(Duration.ofSeconds(30));
    }

    private static ObjectNode at(ObjectNode event, String eventType, String occurredAt) {
        return event.put("eventType", eventType).put("occurredAt", occurredAt);
    }

    private static String id(JsonNode event) {
        return event.get("eventId").asText();
    }

    private static String shipmentOf(String sourceEventId) {
        return AssessedTopic.awaitFor(sourceEventId).get("shipmentId").asText();
    }

    private static JsonNode shipment(String shipmentId) {
        return AssessedTopic.read(given().get("/api/v1/shipments/" + shipmentId).then().statusCode(200)
                .extract().asString());
    }

    private static List<String> eventIdsOf(JsonNode shipment) {
        List<String> ids = new ArrayList<>();
        shipment.get("events").forEach(event -> ids.add(event.get("eventId").asText()));
        return ids;
    }

    private static List<ConsumerRecord<String, String>> deadLettersWithKey(String key) {
        return deadLetters.getRecords().stream().filter(record -> key.equals(record.key())).toList();
    }

    @Test
    void eachDeclarationsEventsAreTakenInTheOrderProducedWhenPolledTogether() {
        List<List<ObjectNode>> declarations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String declarationId = TestEvents.newDeclarationId();
            declarations.add(List.of(
                    at(TestEvents.benign(TestEvents.newEventId(), declarationId), "EXPORT_DECLARED",
                            "2026-11-28T10:00:00Z"),
                    at(TestEvents.npp(TestEvents.newEventId(), declarationId), "AMENDED", "2026-11-28T11:00:00Z"),
                    at(TestEvents.benign(TestEvents.newEventId(), declarationId), "AMENDED",
                            "2026-11-28T12:00:00Z")));
        }
        List<ObjectNode> interleaved = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            for (List<ObjectNode> events : declarations) {
                interleaved.add(events.get(step));
            }
        }
        produceTogether(interleaved);

        for (List<ObjectNode> events : declarations) {
            String shipmentId = shipmentOf(id(events.get(0)));
            await().atMost(PATIENCE).until(() -> AssessedTopic.ofShipment(shipmentId).size() == 3);
            List<JsonNode> assessments = AssessedTopic.ofShipment(shipmentId);
            assertEquals(List.of("1", "2", "3"), assessments.stream().map(a -> a.get("revision").asText()).toList());
            assertEquals(events.stream().map(InboundBatchTest::id).toList(),
                    assessments.stream().map(a -> a.get("sourceEventId").asText()).toList());
            assertEquals("PRECURSOR", assessments.get(1).at("/goods/0/classification/category").asText());
            JsonNode stored = shipment(shipmentId);
            assertEquals(events.stream().map(InboundBatchTest::id).toList(), eventIdsOf(stored));
            assertFalse(stored.get("flagged").asBoolean(), "the last amendment, to cotton, is in force");
        }
    }

    @Test
    void aPoisonRecordAmongAPollsRecordsIsDeadLetteredAloneAndTheRestCommit() {
        ObjectNode first = TestEvents.npp();
        String declarationId = first.get("declarationId").asText();
        ObjectNode invalid = TestEvents.npp(TestEvents.newEventId(), declarationId);
        invalid.remove("consignee");
        ObjectNode notTheOwners = at(TestEvents.npp(TestEvents.newEventId(), declarationId), "AMENDED",
                "2026-11-29T10:00:00Z").put("reportingAgency", TestEvents.DESTINATION_AGENCY);
        ObjectNode departed = TestEvents.bare("DEPARTED", declarationId, "2026-11-30T10:00:00Z");
        ObjectNode other = TestEvents.npp();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (ObjectNode event : List.of(first, invalid, notTheOwners)) {
            records.add(new ProducerRecord<>(Topics.SHIPMENTS_INBOUND, declarationId, event.toString()));
        }
        records.add(new ProducerRecord<>(Topics.SHIPMENTS_INBOUND, declarationId, "{not json"));
        records.add(new ProducerRecord<>(Topics.SHIPMENTS_INBOUND, declarationId, departed.toString()));
        records.add(new ProducerRecord<>(Topics.SHIPMENTS_INBOUND, other.get("declarationId").asText(),
                other.toString()));
        produceRecordsTogether(records);

        await().atMost(PATIENCE).until(() -> deadLettersWithKey(declarationId).size() == 3);
        List<String> dead = deadLettersWithKey(declarationId).stream().map(ConsumerRecord::value).toList();
        assertEquals(List.of(invalid.toString(), "{not json", notTheOwners.toString()).stream().sorted().toList(),
                dead.stream().sorted().toList());

        String shipmentId = shipmentOf(id(first));
        await().atMost(PATIENCE).until(() -> eventIdsOf(shipment(shipmentId)).size() == 2);
        assertEquals(List.of(id(first), id(departed)), eventIdsOf(shipment(shipmentId)));
        assertEquals(1, AssessedTopic.ofShipment(shipmentId).size(), "the departure changes nothing assessed");
        assertEquals(1, AssessedTopic.publishedFor(id(other)).size());
    }

    @Test
    void thePollDeliveredAgainChangesNothing() {
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(i % 2 == 0 ? TestEvents.npp() : TestEvents.benign(TestEvents.newEventId(),
                    TestEvents.newDeclarationId()));
        }
        produceTogether(events);
        events.forEach(event -> AssessedTopic.awaitFor(id(event)));

        Scrape before = Scrape.now();
        produceTogether(events);
        await().atMost(PATIENCE).until(() -> Scrape.now().since(before, DUPLICATES, "path", "kafka") >= 6.0);
        assertEquals(6.0, Scrape.now().since(before, DUPLICATES, "path", "kafka"));

        for (ObjectNode event : events) {
            String shipmentId = shipmentOf(id(event));
            assertEquals(List.of(id(event)), eventIdsOf(shipment(shipmentId)));
            assertEquals(1, AssessedTopic.publishedFor(id(event)).size(), id(event));
            long outboxRows = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("ceSubject",
                    shipmentId));
            assertEquals(1, outboxRows, "one assessment written for " + id(event));
        }
    }
}
