package io.chokepoint.registry.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.model.alert.PartySuppressionChanged;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.registry.TopicWatch;
import io.chokepoint.registry.shipments.AssessedShipments;
import io.chokepoint.registry.shipments.ListVersionRescreen;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.Scrape;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chokepoint.registry.shipments.AssessedShipments.assessment;
import static io.chokepoint.registry.shipments.AssessedShipments.coinedWord;
import static io.chokepoint.registry.shipments.AssessedShipments.listOrganization;
import static io.chokepoint.registry.shipments.AssessedShipments.party;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code /q/metrics} shows after real screenings: on the API, of shipments consumed from the real broker and of
 * rescreens after list changes. Only the test threads call the API, so the {@code api} series move by exactly what a
 * test asked; the others may also move with what earlier tests left running in the background, and are checked for at
 * least the test's share.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ScreeningMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String APP = "sanctions-registry";

    private static final String DURATION_COUNT = "chokepoint_screening_duration_seconds_count";
    private static final String DURATION_BUCKET = "chokepoint_screening_duration_seconds_bucket";
    private static final String MATCHES = "chokepoint_screening_matches_total";
    private static final String PARTIES = "chokepoint_screened_parties_total";
    private static final String SUPPRESSED = "chokepoint_screening_suppressed_total";
    private static final String LIST_VERSIONS = "chokepoint_list_versions_total";
    private static final String ENTITIES = "chokepoint_sanctioned_entities";
    private static final String LOADED = "chokepoint_sanctions_list_loaded";
    private static final String LATE_RESULTS = "chokepoint_rescreen_late_results_total";
    private static final String CONSUMED = "chokepoint_messages_consumed_total";
    private static final String RELAYED = "chokepoint_outbox_relayed_total";

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
    @Inject
    SuppressionRegistry suppressions;

    @Test
    void apiScreeningsAreTimedAndCountedWithTheirMatchesBySource() {
        String word = coinedWord();
        String entityId = listOrganization(word.toUpperCase() + " REAGENTS CO., LTD.").entityId();
        Scrape before = Scrape.now();

        screen(Map.of("name", word + " Reagents Co Ltd")).body("matches.entityId", hasItem(entityId));
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("name", word + " Reagents Company Limited"), Map.of("name", "Nobody At All Here")))
                .post("/api/v1/screen/batch").then().statusCode(200);
        screen(Map.of("threshold", 2)).statusCode(400);
        Scrape after = Scrape.now();

        assertEquals(3.0, after.since(before, PARTIES, "mode", "api", "application", APP), "refused queries are not");
        assertEquals(2.0, after.since(before, MATCHES, "source", "MANUAL", "mode", "api"));
        assertEquals(3.0, after.since(before, DURATION_COUNT, "mode", "api"));
        assertTrue(after.find(DURATION_BUCKET, "mode", "api").size() > 10, "a histogram for percentiles");
        assertEquals(after.value(DURATION_COUNT, "mode", "api"),
                after.value(DURATION_BUCKET, "mode", "api", "le", "+Inf"));
        assertEquals(1.0, after.value(LOADED, "application", APP));
    }

    @Test
    void aMatchHiddenByASuppressionIsCountedAsSuppressed() {
        String word = coinedWord();
        String entityId = listOrganization(word.toUpperCase() + " LOGISTICS S.A. DE C.V.").entityId();
        suppressions.suppress(word + " Logistics S.A. de C.V.", UUID.fromString(entityId), "a namesake", "test");
        Scrape before = Scrape.now();

        screen(Map.of("name", word + " Logistics SA de CV")).body("matches.entityId", not(hasItem(entityId)));
        Scrape after = Scrape.now();

        assertTrue(after.since(before, SUPPRESSED, "application", APP) >= 1.0);
        assertEquals(0.0, after.since(before, MATCHES, "source", "MANUAL", "mode", "api"));
        assertEquals(1.0, after.since(before, PARTIES, "mode", "api"));
    }

    @Test
    void listingAndDelistingMoveTheEntityGaugesAndCountVersionsBySource() {
        Scrape before = Scrape.now();
        String entityId = listOrganization(coinedWord().toUpperCase() + " TABLETING MACHINERY LTD").entityId();
        Scrape listed = Scrape.now();
        given().delete("/api/v1/entities/" + entityId).then().statusCode(200);
        Scrape delisted = Scrape.now();

        assertEquals(1.0, listed.since(before, ENTITIES, "source", "MANUAL", "status", "LISTED"));
        assertEquals(-1.0, delisted.since(listed, ENTITIES, "source", "MANUAL", "status", "LISTED"));
        assertEquals(1.0, delisted.since(listed, ENTITIES, "source", "MANUAL", "status", "DELISTED"));
        assertEquals(2.0, delisted.since(before, LIST_VERSIONS, "source", "MANUAL", "application", APP));
    }

    @Test
    void shipmentScreeningsAndConsumedRecordsAreCountedOnceCommitted() throws Exception {
        String word = coinedWord();
        listOrganization(word.toUpperCase() + " PHARMACEUTICAL TECHNOLOGY CO., LTD.");
        ShipmentAssessed assessment = assessment(
                party(PartyRole.EXPORTER, "Harborlight Electrical Appliances Co., Ltd.", "CN"),
                party(PartyRole.CONSIGNEE, word + " Pharmaceutical Technology Co., Ltd.", "CN"));
        String unlisted = UUID.randomUUID().toString();
        PartySuppressionChanged suppression = new PartySuppressionChanged(UUID.randomUUID().toString(),
                unlisted + "|nobody at all", unlisted, "Nobody At All", "nobody at all", true, null, null, null, null,
                "a namesake", "officer-7", Instant.now());
        Scrape before = Scrape.now();

        try (TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS)) {
            AssessedShipments.send(mapper, assessment);
            AssessedShipments.send(mapper, assessment);
            publishSuppression(suppression);
            publishSuppression(suppression);
            await().atMost(WAIT).until(() -> results.withKey(assessment.shipmentId()), r -> r.size() >= 2);
        }

        await().atMost(WAIT).until(() -> Scrape.now().since(before, CONSUMED, "topic", Topics.SHIPMENTS_ASSESSED,
                "outcome", "duplicate") >= 1.0);
        await().atMost(WAIT).until(() -> Scrape.now().since(before, CONSUMED, "topic", Topics.ALERTS_SUPPRESSIONS,
                "outcome", "duplicate") >= 1.0);
        Scrape after = Scrape.now();
        assertTrue(after.since(before, CONSUMED, "topic", Topics.SHIPMENTS_ASSESSED, "outcome", "processed") >= 1.0);
        assertTrue(after.since(before, CONSUMED, "topic", Topics.ALERTS_SUPPRESSIONS, "outcome", "processed") >= 1.0);
        assertTrue(after.since(before, PARTIES, "mode", "shipment") >= 2.0, "both parties, screened once");
        assertTrue(after.since(before, MATCHES, "source", "MANUAL", "mode", "shipment") >= 1.0);
        assertTrue(after.since(before, DURATION_COUNT, "mode", "shipment") >= 2.0);
        assertTrue(after.since(before, RELAYED, "topic", Topics.SCREENING_RESULTS) >= 2.0,
                "the result, and the stored one again for the redelivery");
    }

    @Test
    void aRescreenCountsItsPartiesItsMatchesAndItsLateResults() throws Exception {
        String word = coinedWord();
        ShipmentAssessed assessment = assessment(party(PartyRole.CONSIGNEE, word + " Fine Chemicals Co., Ltd.", "CN"));
        try (TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS)) {
            AssessedShipments.send(mapper, assessment);
            await().atMost(WAIT).until(() -> results.withKey(assessment.shipmentId()), r -> !r.isEmpty());
        }
        Scrape before = Scrape.now();

        String listVersion = listOrganization(word.toUpperCase() + " FINE CHEMICALS CO., LTD.").listVersion();
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(
                () -> ListVersionRescreen.findById(listVersion) != null));

        await().atMost(WAIT).until(() -> Scrape.now().since(before, LATE_RESULTS) >= 1.0);
        Scrape after = Scrape.now();
        assertTrue(after.since(before, PARTIES, "mode", "rescreen") >= 1.0);
        assertTrue(after.since(before, MATCHES, "source", "MANUAL", "mode", "rescreen") >= 1.0);
        assertTrue(after.since(before, DURATION_COUNT, "mode", "rescreen") >= 1.0);
        assertTrue(after.find(DURATION_BUCKET, "mode", "rescreen", "application", APP).size() > 10);
    }

    private static io.restassured.response.ValidatableResponse screen(Map<String, Object> query) {
        return given().contentType(ContentType.JSON).body(query).post("/api/v1/screen").then();
    }

    private void publishSuppression(PartySuppressionChanged change) throws Exception {
        TopicWatch.companion().produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.ALERTS_SUPPRESSIONS, change.key(),
                        mapper.writeValueAsString(change)))
                .awaitCompletion();
    }
}
