package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.model.Topics;
import io.chokepoint.testing.Scrape;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code /q/metrics} shows after real traffic: the service's ingestion and assessment counters, the ingest
 * timer, and the platform's consumer and outbox meters. Each test's events name an agency no other test uses, so
 * that the counters tagged with it move by exactly what the test sent; counters without an agency tag may also move
 * with other tests' traffic and are checked for at least the test's share.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class IngestMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String APP = "shipment-monitor";
    private static final String REST_AGENCY = "PA-ANA";
    private static final String KAFKA_AGENCY = "DE-ZOLL";

    private static final String INGESTED = "chokepoint_shipment_events_ingested_total";
    private static final String DUPLICATE = "chokepoint_shipment_events_duplicate_total";
    private static final String REJECTED = "chokepoint_shipment_events_rejected_total";
    private static final String ASSESSMENTS = "chokepoint_assessments_total";
    private static final String RECOGNISED = "chokepoint_controlled_goods_recognised_total";
    private static final String MISDECLARATIONS = "chokepoint_misdeclarations_total";
    private static final String DURATION_COUNT = "chokepoint_ingest_duration_seconds_count";
    private static final String CONSUMED = "chokepoint_messages_consumed_total";
    private static final String DEAD_LETTERED = "chokepoint_messages_dead_lettered_total";
    private static final String RELAYED = "chokepoint_outbox_relayed_total";

    private static KafkaCompanion companion;

    @BeforeAll
    static void connect() {
        companion = new KafkaCompanion(KafkaBrokerResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        companion.close();
    }

    /** REST events are pushed by the agency they name. */
    @BeforeEach
    void asTheRestAgency() {
        Callers.byDefault(TestTokens.partner(REST_AGENCY));
    }

    @AfterEach
    void noDefaultCaller() {
        Callers.reset();
    }

    @Test
    void restEventsAreCountedByPathAgencyTypeAndReason() {
        Scrape before = Scrape.now();
        ObjectNode npp = TestEvents.npp().put("reportingAgency", REST_AGENCY);
        ObjectNode invalid = TestEvents.npp().put("reportingAgency", REST_AGENCY);
        invalid.remove("occurredAt");
        ObjectNode freeTextAgency = TestEvents.npp().put("reportingAgency", "Customs of somewhere, desk 4");
        freeTextAgency.remove("exporter");

        post(npp.toString(), 202);
        post(npp.toString(), 200);
        post(invalid.toString(), 400);
        post(TestTokens.partner(freeTextAgency.get("reportingAgency").asText()), freeTextAgency.toString(), 400);
        // Sent by another agency: refused before it is taken, so counted nowhere (the exact deltas below).
        post(TestTokens.partner("PA-OTHER"), TestEvents.npp().put("reportingAgency", REST_AGENCY).toString(), 403);
        post("{\"eventId\": ", 400);
        postBatch("[{\"eventId\": ", 400);
        Scrape after = Scrape.now();

        assertEquals(1.0, delta(before, after, INGESTED, "path", "rest", "agency", REST_AGENCY,
                "event_type", "EXPORT_DECLARED", "application", APP));
        assertEquals(1.0, delta(before, after, DUPLICATE, "path", "rest", "agency", REST_AGENCY));
        assertEquals(1.0, delta(before, after, REJECTED, "path", "rest", "agency", REST_AGENCY, "reason", "invalid"));
        assertTrue(delta(before, after, REJECTED, "path", "rest", "agency", "unknown", "reason", "invalid") >= 1.0,
                "a free-text agency is never a label value");
        assertTrue(after.find(REJECTED, "agency", "Customs of somewhere, desk 4").isEmpty());
        assertTrue(delta(before, after, REJECTED, "path", "rest", "agency", "unknown", "reason", "unreadable") >= 2.0,
                "malformed JSON, as one event and as a batch");
        assertTrue(delta(before, after, ASSESSMENTS, "outcome", "published", "flagged", "true") >= 1.0);
        assertTrue(delta(before, after, RECOGNISED, "category", "PRECURSOR", "substance", "NPP") >= 1.0);
        assertTrue(delta(before, after, DURATION_COUNT, "path", "rest") >= 5.0, "every event is timed, refused too");
        assertTrue(after.find("chokepoint_ingest_duration_seconds_bucket", "path", "rest").size() > 10,
                "the timer publishes a histogram for percentiles");
        assertEquals(after.value(DURATION_COUNT, "path", "rest"),
                after.value("chokepoint_ingest_duration_seconds_bucket", "path", "rest", "le", "+Inf"));
    }

    @Test
    void kafkaRecordsAreCountedAndAnInvalidOneIsDeadLettered() {
        Scrape before = Scrape.now();
        String declarationId = TestEvents.newDeclarationId();
        ObjectNode declared = TestEvents.npp(TestEvents.newEventId(), declarationId).put("reportingAgency", KAFKA_AGENCY);
        ObjectNode invalid = TestEvents.npp(TestEvents.newEventId(), declarationId).put("reportingAgency", KAFKA_AGENCY);
        ((ObjectNode) invalid.withArray("goods").get(0)).put("casNumber", "39742-60-5");
        ObjectNode amended = TestEvents.npp(TestEvents.newEventId(), declarationId)
                .put("reportingAgency", KAFKA_AGENCY).put("eventType", "AMENDED")
                .put("occurredAt", "2026-11-29T08:00:00Z");
        // a tablet press under a packaging-machine code: recognised, and a possible mis-declaration
        ObjectNode press = (ObjectNode) amended.withArray("goods").get(0);
        press.put("description", "Tablet press").put("hsCode", "842230").remove("casNumber");

        // one key, so one partition: the records are handled in this order
        produce(declarationId, declared.toString());
        produce(declarationId, declared.toString());
        produce(declarationId, invalid.toString());
        produce(declarationId, "{this is not json");
        produce(declarationId, amended.toString());

        await().atMost(PATIENCE).until(() -> delta(before, Scrape.now(), INGESTED, "path", "kafka",
                "agency", KAFKA_AGENCY, "event_type", "AMENDED") == 1.0);
        await().atMost(PATIENCE).until(() -> delta(before, Scrape.now(), DEAD_LETTERED,
                "topic", Topics.SHIPMENTS_INBOUND, "reason", "invalid") >= 2.0);
        await().atMost(PATIENCE).until(() -> delta(before, Scrape.now(), RELAYED,
                "topic", Topics.SHIPMENTS_ASSESSED) >= 2.0);
        Scrape after = Scrape.now();

        assertEquals(1.0, delta(before, after, INGESTED, "path", "kafka", "agency", KAFKA_AGENCY,
                "event_type", "EXPORT_DECLARED", "application", APP));
        assertEquals(1.0, delta(before, after, DUPLICATE, "path", "kafka", "agency", KAFKA_AGENCY));
        assertEquals(1.0, delta(before, after, REJECTED, "path", "kafka", "agency", KAFKA_AGENCY, "reason", "invalid"));
        assertTrue(delta(before, after, REJECTED, "path", "kafka", "agency", "unknown", "reason", "unreadable") >= 1.0);
        assertTrue(delta(before, after, CONSUMED, "topic", Topics.SHIPMENTS_INBOUND, "outcome", "processed") >= 2.0);
        assertTrue(delta(before, after, CONSUMED, "topic", Topics.SHIPMENTS_INBOUND, "outcome", "duplicate") >= 1.0);
        assertTrue(delta(before, after, CONSUMED, "topic", Topics.SHIPMENTS_INBOUND, "outcome", "dead_lettered") >= 2.0);
        assertTrue(delta(before, after, ASSESSMENTS, "outcome", "published", "flagged", "true") >= 2.0);
        assertTrue(delta(before, after, RECOGNISED, "category", "TABLETING_EQUIPMENT", "substance", "TABLET-PRESS")
                >= 1.0);
        assertTrue(delta(before, after, MISDECLARATIONS, "substance", "TABLET-PRESS") >= 1.0);
        assertTrue(delta(before, after, DURATION_COUNT, "path", "kafka") >= 5.0);
        assertEquals(0.0, after.value(DEAD_LETTERED, "topic", Topics.SHIPMENTS_INBOUND, "reason", "retries_exhausted"),
                "nothing here failed for a reason other than its input");
    }

    @Test
    void anAmendmentThatChangesNothingDownstreamIsCountedAsUnchanged() {
        String declarationId = TestEvents.newDeclarationId();
        post(TestEvents.npp(TestEvents.newEventId(), declarationId).put("reportingAgency", REST_AGENCY).toString(), 202);
        Scrape before = Scrape.now();
        ObjectNode departed = TestEvents.bare("DEPARTED", declarationId, "2026-11-29T10:00:00Z")
                .put("reportingAgency", REST_AGENCY);

        post(departed.toString(), 202);
        Scrape after = Scrape.now();

        assertEquals(1.0, delta(before, after, INGESTED, "path", "rest", "agency", REST_AGENCY, "event_type", "DEPARTED"));
        assertTrue(delta(before, after, ASSESSMENTS, "outcome", "unchanged", "flagged", "true") >= 1.0);
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static void post(String body, int status) {
        given().contentType("application/json").body(body).post("/api/v1/shipments").then().statusCode(status);
    }

    private static void post(String token, String body, int status) {
        given().header(Callers.AUTHORIZATION, Callers.bearer(token)).contentType("application/json").body(body)
                .post("/api/v1/shipments").then().statusCode(status);
    }

    private static void postBatch(String body, int status) {
        given().contentType("application/json").body(body).post("/api/v1/shipments/batch").then().statusCode(status);
    }

    private static void produce(String key, String value) {
        companion.produceStrings().fromRecords(KafkaCompanion.record(Topics.SHIPMENTS_INBOUND, key, value))
                .awaitCompletion();
    }
}
