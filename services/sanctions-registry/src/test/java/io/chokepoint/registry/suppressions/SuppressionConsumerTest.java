package io.chokepoint.registry.suppressions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.model.alert.PartySuppressionChanged;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.Match;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.platform.messaging.ProcessedEvent;
import io.chokepoint.registry.TopicWatch;
import io.chokepoint.registry.screening.Suppression;
import io.chokepoint.registry.shipments.AssessedShipments;
import io.chokepoint.registry.shipments.LateScreeningResult;
import io.chokepoint.registry.shipments.ListVersionRescreen;
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
import java.util.concurrent.Callable;

import static io.chokepoint.registry.shipments.AssessedShipments.assessment;
import static io.chokepoint.registry.shipments.AssessedShipments.coinedWord;
import static io.chokepoint.registry.shipments.AssessedShipments.listOrganization;
import static io.chokepoint.registry.shipments.AssessedShipments.party;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * False-positive suppressions published by alerting on {@code alerts.suppressions}, on the real broker and
 * database: what they do to shipment screening and to the rescreen after a list change.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class SuppressionConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

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

    @Test
    void aStandingSuppressionHidesThatEntityForThatNameUntilItIsLifted() throws Exception {
        String word = coinedWord();
        String partyName = word + " Química Trading Co., Ltd.";
        String suppressed = listOrganization(word.toUpperCase() + " QUIMICA TRADING CO., LTD.").entityId();
        String other = listOrganization(word.toUpperCase() + " QUIMICA TRADING LIMITED").entityId();
        // Written out by hand from the contract's rule, not by the code under test.
        String declared = word.toLowerCase() + " quimica trading co ltd";
        PartySuppressionChanged dismissal = change(suppressed, partyName, declared, true, Instant.now());
        PartySuppressionChanged lifting = change(suppressed, partyName, declared, false,
                dismissal.changedAt().plusSeconds(60));

        try (TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS)) {
            publish(dismissal);
            awaitProcessed(dismissal);
            List<String> matched = screenShipment(results, partyName);
            assertFalse(matched.contains(suppressed), matched::toString);
            assertTrue(matched.contains(other), "another entity of the same name still matches: " + matched);

            publish(lifting);
            awaitProcessed(lifting);
            assertTrue(screenShipment(results, partyName).contains(suppressed), "matched again once lifted");

            publish(dismissal);
            // The same key, so the same partition: read after the redelivered dismissal. It leaves the state lifted.
            PartySuppressionChanged fence = change(suppressed, partyName, declared, false,
                    lifting.changedAt().plusSeconds(60));
            publish(fence);
            awaitProcessed(fence);
            assertTrue(screenShipment(results, partyName).contains(suppressed),
                    "the redelivered dismissal changed nothing");
        }
        Suppression row = inTransaction(() -> Suppression.<Suppression>find("suppressionKey", dismissal.key())
                .singleResult());
        assertFalse(row.active);
        assertEquals(suppressed, row.entityId.toString());
        assertEquals(declared, row.declaredNameKey);
        assertEquals(1L, inTransaction(() -> Suppression.count("entityId", UUID.fromString(suppressed))),
                "one row per key, holding its last state");
    }

    @Test
    void aSuppressionCoversTheNameWrittenOtherwiseAndTheRescreen() throws Exception {
        String word = coinedWord();
        String partyName = "Laboratorios " + word + " S.A. de C.V.";
        ShipmentAssessed assessment = assessment(party(PartyRole.CONSIGNEE, partyName, "MX"));
        try (TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS)) {
            AssessedShipments.send(mapper, assessment);
            await().atMost(WAIT).until(() -> results.withKey(assessment.shipmentId()), r -> !r.isEmpty());
            // Listed under another name first: the shipment's screening did not match it.
            String entityId = listOrganization(coinedWord().toUpperCase() + " HOLDINGS").entityId();
            PartySuppressionChanged dismissal = change(entityId, partyName,
                    "laboratorios " + word.toLowerCase() + " s a de c v", true, Instant.now());
            publish(dismissal);
            awaitProcessed(dismissal);

            String renamed = rename(entityId, "LABORATORIOS " + word.toUpperCase() + " SA DE CV", List.of());
            awaitRescreen(renamed);
            assertEquals(0L, inTransaction(() -> LateScreeningResult.count("shipmentId", assessment.shipmentId())),
                    "the suppressed pair is not reported by the rescreen");
            given().contentType(ContentType.JSON).body(Map.of("name", word + " Laboratorios SA de CV"))
                    .post("/api/v1/screen").then().statusCode(200).body("matches.entityId",
                            not(hasItem(entityId)));

            PartySuppressionChanged lifting = change(entityId, partyName, dismissal.normalizedName(), false,
                    dismissal.changedAt().plusSeconds(60));
            publish(lifting);
            awaitProcessed(lifting);
            String changed = rename(entityId, "LABORATORIOS " + word.toUpperCase() + " SA DE CV",
                    List.of(word.toUpperCase() + " LABS"));
            awaitRescreen(changed);
            ConsumerRecord<String, String> late = await().atMost(WAIT)
                    .until(() -> results.withKey(assessment.shipmentId()), r -> r.size() >= 2).get(1);
            ScreeningResult result = mapper.readValue(late.value(), ScreeningResult.class);
            assertTrue(result.late());
            assertEquals(entityId, result.parties().get(0).matches().get(0).entityId());
        }
    }

    @Test
    void sendsUnreadableAndInvalidRecordsToTheDeadLetterTopicAndGoesOn() throws Exception {
        String garbageKey = "garbage-" + UUID.randomUUID();
        String invalidKey = "invalid-" + UUID.randomUUID();
        PartySuppressionChanged valid = change(UUID.randomUUID().toString(), "Valid Name", "valid name", true,
                Instant.now());
        try (TopicWatch dlq = TopicWatch.of(Topics.deadLetter(Topics.ALERTS_SUPPRESSIONS))) {
            publish(garbageKey, "{\"eventId\": ");
            publish(invalidKey, mapper.writeValueAsString(change("E-42", "Some Name", "some name", true, null)));
            publish(valid);

            ConsumerRecord<String, String> garbage = await().atMost(WAIT)
                    .until(() -> dlq.withKey(garbageKey), r -> !r.isEmpty()).get(0);
            assertEquals("{\"eventId\": ", garbage.value());
            assertTrue(TopicWatch.header(garbage, "dead-letter-reason").contains("unreadable"));
            ConsumerRecord<String, String> invalid = await().atMost(WAIT)
                    .until(() -> dlq.withKey(invalidKey), r -> !r.isEmpty()).get(0);
            String reason = TopicWatch.header(invalid, "dead-letter-reason");
            assertTrue(reason.contains("entityId must be an entity id") && reason.contains("changedAt is missing"),
                    reason);
            awaitProcessed(valid);
            assertTrue(dlq.withKey(valid.key()).isEmpty());
        }
    }

    private static PartySuppressionChanged change(String entityId, String partyName, String normalizedName,
                                                  boolean active, Instant at) {
        return new PartySuppressionChanged(UUID.randomUUID().toString(), entityId + "|" + normalizedName, entityId,
                partyName, normalizedName, active, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "CONSIGNEE", "MX", active ? "a namesake" : "reopened", "officer-7", at);
    }

    private void publish(PartySuppressionChanged change) throws Exception {
        publish(change.key(), mapper.writeValueAsString(change));
    }

    private static void publish(String key, String value) {
        TopicWatch.companion().produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.ALERTS_SUPPRESSIONS, key, value))
                .awaitCompletion();
    }

    private static void awaitProcessed(PartySuppressionChanged change) {
        await().atMost(WAIT).until(() -> inTransaction(() ->
                ProcessedEvent.isProcessed(SuppressionConsumer.CONSUMER, change.eventId())));
    }

    /** Screens a new shipment whose consignee is the name; answers the entities it matched. */
    private List<String> screenShipment(TopicWatch results, String partyName) throws Exception {
        ShipmentAssessed assessment = assessment(party(PartyRole.CONSIGNEE, partyName, "MX"));
        AssessedShipments.send(mapper, assessment);
        ConsumerRecord<String, String> record = await().atMost(WAIT)
                .until(() -> results.withKey(assessment.shipmentId()), r -> !r.isEmpty()).get(0);
        ScreeningResult result = mapper.readValue(record.value(), ScreeningResult.class);
        return result.parties().get(0).matches().stream().map(Match::entityId).toList();
    }

    private static String rename(String entityId, String name, List<String> aliases) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "ORGANIZATION", "countries", List.of("MX"),
                        "programs", List.of("SDNTK"), "aliases", aliases))
                .put("/api/v1/entities/" + entityId).then().statusCode(200).extract().path("listVersion");
    }

    private static void awaitRescreen(String listVersion) {
        await().atMost(WAIT).until(() -> inTransaction(() -> ListVersionRescreen.findById(listVersion) != null));
    }

    private static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
