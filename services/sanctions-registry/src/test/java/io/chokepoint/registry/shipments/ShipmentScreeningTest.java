package io.chokepoint.registry.shipments;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.AssessedParty;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.Match;
import io.chokepoint.model.screening.PartyScreening;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.model.shipment.ShipmentEventType;
import io.chokepoint.platform.messaging.ProcessedEvent;
import io.chokepoint.registry.TopicWatch;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ShipmentScreeningTest {

    private static final Duration KAFKA = Duration.ofSeconds(30);

    @BeforeEach
    void asRegistryAdmin() {
        Callers.byDefault(TestTokens.registryAdmin());
    }

    @AfterEach
    void resetCaller() {
        Callers.reset();
    }

    @Inject
    ObjectMapper mapper;

    /** The lead's end-to-end scenario, then the same assessment delivered again after the entity was delisted. */
    @Test
    void screensEveryPartyAndReEmitsTheStoredResultOnRedelivery() throws Exception {
        String entityId = given().contentType(ContentType.JSON)
                .body(Map.of("name", "QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD.", "type", "ORGANIZATION",
                        "countries", List.of("CN"), "programs", List.of("SDNTK")))
                .post("/api/v1/entities").then().statusCode(201).extract().path("entityId");
        ShipmentAssessed assessment = assessment(
                new AssessedParty(PartyRole.EXPORTER, "Harborlight Electrical Appliances Co., Ltd.", "CN", null, null),
                new AssessedParty(PartyRole.CONSIGNEE, "Qinsheng Pharmaceutical Technology Co., Ltd.", "CN", null, null));

        try (TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS)) {
            send(assessment.shipmentId(), mapper.writeValueAsString(assessment));
            ConsumerRecord<String, String> first = await().atMost(KAFKA)
                    .until(() -> results.withKey(assessment.shipmentId()), r -> !r.isEmpty()).get(0);
            ScreeningResult result = mapper.readValue(first.value(), ScreeningResult.class);
            assertEquals(assessment.eventId(), result.assessmentEventId());
            assertEquals(assessment.revision(), result.revision());
            assertEquals(assessment.declarationId(), result.declarationId());
            assertFalse(result.late());
            assertNotNull(result.listVersion());
            assertEquals("io.chokepoint.screening.result", TopicWatch.header(first, "ce_type"));
            assertEquals(result.eventId(), TopicWatch.header(first, "ce_id"));
            PartyScreening consignee = party(result, PartyRole.CONSIGNEE);
            Match match = consignee.matches().stream().filter(m -> m.entityId().equals(entityId)).findFirst().orElseThrow();
            assertTrue(match.score() >= 0.85, "score " + match.score());
            assertEquals(List.of("SDNTK"), match.programs());
            assertTrue(party(result, PartyRole.EXPORTER).matches().isEmpty());

            // Delisted now: screening again would find nothing, so an equal result proves it was re-emitted.
            given().delete("/api/v1/entities/" + entityId).then().statusCode(200);
            send(assessment.shipmentId(), mapper.writeValueAsString(assessment));
            List<ConsumerRecord<String, String>> both = await().atMost(KAFKA)
                    .until(() -> results.withKey(assessment.shipmentId()), r -> r.size() >= 2);
            assertEquals(mapper.readTree(first.value()), mapper.readTree(both.get(1).value()));
            assertEquals(result.eventId(), TopicWatch.header(both.get(1), "ce_id"));
        }
        assertEquals(1L, count(() -> StoredScreeningResult.count("assessmentEventId", assessment.eventId())));
        assertEquals(2L, count(() -> ScreenedParty.count("shipmentId", assessment.shipmentId())));
        assertEquals(1L, count(() -> ProcessedEvent.count("eventId", assessment.eventId())));
    }

    @Test
    void sendsUnreadableAndInvalidRecordsToTheDeadLetterTopicAndGoesOn() throws Exception {
        String garbageKey = "garbage-" + UUID.randomUUID();
        String invalidKey = "invalid-" + UUID.randomUUID();
        ShipmentAssessed valid = assessment(
                new AssessedParty(PartyRole.CONSIGNEE, "Comercializadora Puerto Azul S.A. de C.V.", "MX", null, null));
        try (TopicWatch dlq = TopicWatch.of(Topics.deadLetter(Topics.SHIPMENTS_ASSESSED));
             TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS)) {
            send(garbageKey, "this is not JSON {");
            send(invalidKey, "{\"eventId\": \"" + UUID.randomUUID() + "\", \"parties\": []}");
            send(valid.shipmentId(), mapper.writeValueAsString(valid));

            ConsumerRecord<String, String> garbage = await().atMost(KAFKA)
                    .until(() -> dlq.withKey(garbageKey), r -> !r.isEmpty()).get(0);
            assertEquals("this is not JSON {", garbage.value());
            assertTrue(TopicWatch.header(garbage, "dead-letter-reason").contains("unreadable"));
            ConsumerRecord<String, String> invalid = await().atMost(KAFKA)
                    .until(() -> dlq.withKey(invalidKey), r -> !r.isEmpty()).get(0);
            String reason = TopicWatch.header(invalid, "dead-letter-reason");
            assertTrue(reason.contains("shipmentId is missing") && reason.contains("parties is empty"), reason);

            ConsumerRecord<String, String> result = await().atMost(KAFKA)
                    .until(() -> results.withKey(valid.shipmentId()), r -> !r.isEmpty()).get(0);
            assertEquals(valid.eventId(), mapper.readValue(result.value(), ScreeningResult.class).assessmentEventId());
        }
    }

    private static PartyScreening party(ScreeningResult result, PartyRole role) {
        return result.parties().stream().filter(p -> p.role() == role).findFirst().orElseThrow();
    }

    private static ShipmentAssessed assessment(AssessedParty... parties) {
        Instant now = Instant.now();
        return new ShipmentAssessed(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "CN-GACC-2026-" + UUID.randomUUID().toString().substring(0, 6), "CN-GACC", UUID.randomUUID().toString(),
                ShipmentEventType.EXPORT_DECLARED, 1, now, now, List.of(parties), List.of(), null, List.of());
    }

    private static void send(String key, String value) {
        TopicWatch.companion().produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.SHIPMENTS_ASSESSED, key, value))
                .awaitCompletion();
    }

    private static long count(java.util.function.Supplier<Long> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }
}
