package io.chokepoint.alerting.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.TestKafka;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.platform.messaging.ProcessedEvent;
import io.chokepoint.platform.outbox.OutboxMessage;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.chokepoint.alerting.Fixtures.anppLine;
import static io.chokepoint.alerting.Fixtures.assessment;
import static io.chokepoint.alerting.Fixtures.consigneeResult;
import static io.chokepoint.alerting.Fixtures.match;
import static io.chokepoint.alerting.Fixtures.nppLine;
import static io.chokepoint.alerting.Fixtures.plainLine;
import static io.chokepoint.alerting.Fixtures.surveillanceLine;
import static io.chokepoint.alerting.Fixtures.tabletPressLine;
import static io.chokepoint.alerting.Fixtures.withEventId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class AlertIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Instant SCREENED = Instant.parse("2026-11-28T10:16:00Z");

    private static ConsumerTask<String, String> alertsRaised;
    private static ConsumerTask<String, String> screeningDlq;
    private static ConsumerTask<String, String> assessedDlq;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void officer() {
        Callers.byDefault(TestTokens.officer());
    }

    @AfterEach
    void forgetCaller() {
        Callers.reset();
    }

    @BeforeAll
    static void listen() {
        alertsRaised = TestKafka.consume(Topics.ALERTS_RAISED);
        screeningDlq = TestKafka.consume(Topics.deadLetter(Topics.SCREENING_RESULTS));
        assessedDlq = TestKafka.consume(Topics.deadLetter(Topics.SHIPMENTS_ASSESSED));
    }

    @AfterAll
    static void stopListening() {
        alertsRaised.close();
        screeningDlq.close();
        assessedDlq.close();
    }

    @Test
    void assessmentThenConsigneeMatchRaisesPrecursorAlertAndPublishesIt() {
        ShipmentAssessed assessment = assessment(newId(), "CN-GACC-2026-" + newId(), 1, nppLine(1), plainLine(2));
        ScreeningResult result = consigneeResult(assessment, "OFAC-v1", SCREENED,
                match("ent-cartel-1", "Cartel Front S.A. de C.V.", 0.97, "SDNTK"));

        send(assessment);
        send(result);

        JsonPath alert = awaitSingleAlert(assessment.shipmentId());
        assertEquals("PRECURSOR_TO_SANCTIONED_PARTY", alert.getString("type"));
        assertEquals(assessment.shipmentId(), alert.getString("shipmentId"));
        assertEquals(assessment.declarationId(), alert.getString("declarationId"));
        assertEquals("CN-GACC", alert.getString("reportingAgency"));
        assertEquals("CRITICAL", alert.getString("severity"));
        assertEquals("NEW", alert.getString("status"));
        assertEquals(false, alert.getBoolean("late"));
        assertEquals("CONSIGNEE", alert.getString("party.role"));
        assertEquals("Distribuidora Ejemplo S.A. de C.V.", alert.getString("party.name"));
        assertEquals("MX", alert.getString("party.country"));
        assertEquals("ent-cartel-1", alert.getString("entity.entityId"));
        assertEquals("Cartel Front S.A. de C.V.", alert.getString("entity.name"));
        assertEquals("OFAC-SDN", alert.getString("entity.source"));
        assertEquals(List.of("SDNTK"), alert.getList("entity.programs"));
        assertEquals(List.of(1), alert.getList("goods.line"));
        assertEquals("PRECURSOR", alert.getString("goods[0].classification.category"));
        assertEquals(0.97f, alert.getFloat("score"));
        assertEquals("OFAC-v1", alert.getString("listVersion"));
        assertTrue(alert.getString("explanation").contains("N-Phenethyl-4-piperidone"), alert.getString("explanation"));
        assertNotNull(Instant.parse(alert.getString("raisedAt")));

        ConsumerRecord<String, String> published = awaitPublished(alert.getString("alertId"));
        assertEquals("io.chokepoint.alert.raised", TestKafka.header(published, "ce_type"));
        assertNotNull(TestKafka.header(published, "ce_id"));
        assertNotNull(TestKafka.header(published, "ce_source"));
        assertNotNull(TestKafka.header(published, "ce_time"));
        JsonPath payload = JsonPath.from(published.value());
        assertEquals(alert.getString("alertId"), payload.getString("alertId"));
        assertEquals("PRECURSOR_TO_SANCTIONED_PARTY", payload.getString("type"));
        assertEquals("ent-cartel-1", payload.getString("entity.entityId"));
        assertEquals(assessment.shipmentId(), payload.getString("shipmentId"));
    }

    @Test
    void resultBeforeAssessmentRaisesTheSameAlert() {
        ShipmentAssessed assessment = assessment(newId(), "D-" + newId(), 1, nppLine(1));
        ScreeningResult result = consigneeResult(assessment, "OFAC-v1", SCREENED,
                match("ent-cartel-2", "Other Front S.A.", 0.93, "SDGT"));

        send(result);
        awaitProcessed(ScreeningConsumer.CONSUMER, result.eventId());
        send(assessment);

        JsonPath alert = awaitSingleAlert(assessment.shipmentId());
        assertEquals("PRECURSOR_TO_SANCTIONED_PARTY", alert.getString("type"));
        assertEquals("ent-cartel-2", alert.getString("entity.entityId"));
        assertEquals("HIGH", alert.getString("severity"));
        awaitPublished(alert.getString("alertId"));
    }

    @Test
    void redeliveredAndRepeatedResultsDoNotRaiseASecondAlert() {
        ShipmentAssessed assessment = assessment(newId(), "D-" + newId(), 1, nppLine(1));
        ScreeningResult result = consigneeResult(assessment, "OFAC-v1", SCREENED,
                match("ent-cartel-3", "Third Front", 0.95, "SDNTK"));
        ScreeningResult repeated = withEventId(result, UUID.randomUUID().toString());

        send(assessment);
        send(result);
        send(result);
        send(repeated);
        awaitProcessed(ScreeningConsumer.CONSUMER, repeated.eventId());

        JsonPath alert = awaitSingleAlert(assessment.shipmentId());
        String alertId = alert.getString("alertId");
        given().get("/api/v1/alerts/{id}", alertId).then().statusCode(200)
                .body("history.kind", contains("RAISED"));
        await().atMost(WAIT).until(() -> unsentOutbox(alertId) == 0);
        assertEquals(1, outboxCount(alertId));
        awaitPublished(alertId);
    }

    @Test
    void newEvidenceUpdatesTheAlertAndItsHistory() {
        String shipmentId = newId();
        ShipmentAssessed revision1 = assessment(shipmentId, "D-" + newId(), 1, nppLine(1));
        send(revision1);
        send(consigneeResult(revision1, "OFAC-v1", SCREENED, match("ent-cartel-4", "Fourth Front", 0.91, "SDGT")));
        String alertId = awaitSingleAlert(shipmentId).getString("alertId");

        send(consigneeResult(revision1, "OFAC-v2", SCREENED.plusSeconds(3600),
                match("ent-cartel-4", "Fourth Front", 0.97, "SDGT", "SDNTK")));
        ShipmentAssessed revision2 = assessment(shipmentId, revision1.declarationId(), 2, nppLine(1), anppLine(2));
        send(revision2);
        send(consigneeResult(revision2, "OFAC-v2", SCREENED.plusSeconds(7200),
                match("ent-cartel-4", "Fourth Front", 0.97, "SDGT", "SDNTK")));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/alerts/{id}", alertId).then()
                .statusCode(200)
                .body("history.kind", contains("RAISED", "EVIDENCE_UPDATED", "EVIDENCE_UPDATED"))
                .body("history[1].changes.score.to", is(0.97f))
                .body("history[1].changes.listVersion.to", is("OFAC-v2"))
                .body("history[1].changes.severity.to", is("CRITICAL"))
                .body("history[2].changes.goods.to", contains(1, 2))
                .body("goods.line", contains(1, 2))
                .body("severity", is("CRITICAL"))
                .body("listVersion", is("OFAC-v2"))
                .body("explanation", containsString("4-anilino-N-phenethylpiperidine")));
        given().queryParam("shipmentId", shipmentId).get("/api/v1/alerts").then().body("total", is(1));
        assertEquals(1, outboxCount(alertId));
    }

    @Test
    void resultForAnOlderRevisionIsEvaluatedWithThatRevision() {
        String shipmentId = newId();
        ShipmentAssessed revision1 = assessment(shipmentId, "D-" + newId(), 1, nppLine(1));
        ShipmentAssessed revision2 = assessment(shipmentId, revision1.declarationId(), 2, plainLine(1));
        send(revision1);
        send(revision2);
        send(consigneeResult(revision1, "OFAC-v1", SCREENED, match("ent-cartel-5", "Fifth Front", 0.95)));

        JsonPath alert = awaitSingleAlert(shipmentId);
        assertEquals("N-Phenethyl-4-piperidone", alert.getString("goods[0].description"));
    }

    @Test
    void equipmentToSanctionedPartyRaisesEquipmentAlert() {
        ShipmentAssessed assessment = assessment(newId(), "D-" + newId(), 1, tabletPressLine(1), plainLine(2));
        send(assessment);
        send(consigneeResult(assessment, "OFAC-v1", SCREENED,
                match("ent-press-buyer", "Mexpacking Example", 0.94, "ILLICIT-DRUGS-EO14059")));

        JsonPath alert = awaitSingleAlert(assessment.shipmentId());
        assertEquals("EQUIPMENT_TO_SANCTIONED_PARTY", alert.getString("type"));
        assertEquals("ent-press-buyer", alert.getString("entity.entityId"));
        assertEquals(List.of(1), alert.getList("goods.line"));
        assertTrue(alert.getString("explanation").startsWith("Tableting equipment shipped to a sanctioned party."));
    }

    @Test
    void cleanShipmentsRaiseNothing() {
        ShipmentAssessed noMatch = assessment(newId(), "D-" + newId(), 1, nppLine(1));
        ScreeningResult noMatchResult = consigneeResult(noMatch, "OFAC-v1", SCREENED);
        ShipmentAssessed uncontrolled = assessment(newId(), "D-" + newId(), 1, plainLine(1), surveillanceLine(2));
        ScreeningResult matchedResult = consigneeResult(uncontrolled, "OFAC-v1", SCREENED,
                match("ent-cartel-6", "Sixth Front", 0.99, "SDNTK"));

        send(noMatch);
        send(noMatchResult);
        send(uncontrolled);
        send(matchedResult);
        awaitProcessed(ScreeningConsumer.CONSUMER, noMatchResult.eventId());
        awaitProcessed(ScreeningConsumer.CONSUMER, matchedResult.eventId());
        awaitProcessed(AssessmentConsumer.CONSUMER, noMatch.eventId());
        awaitProcessed(AssessmentConsumer.CONSUMER, uncontrolled.eventId());

        for (String shipmentId : List.of(noMatch.shipmentId(), uncontrolled.shipmentId())) {
            given().queryParam("shipmentId", shipmentId).get("/api/v1/alerts").then()
                    .statusCode(200).body("total", is(0));
        }
    }

    @Test
    void unusableRecordsGoToTheDeadLetterTopicAndTheConsumersGoOn() {
        String shipmentId = newId();
        TestKafka.produce(Topics.SCREENING_RESULTS, shipmentId, "this is not JSON");
        TestKafka.produce(Topics.SHIPMENTS_ASSESSED, shipmentId, "{\"eventId\": \"" + newId() + "\"}");

        ConsumerRecord<String, String> garbage = awaitOne(screeningDlq, shipmentId);
        assertEquals("this is not JSON", garbage.value());
        assertTrue(TestKafka.header(garbage, "dead-letter-reason").contains("Unreadable ScreeningResult"),
                TestKafka.header(garbage, "dead-letter-reason"));
        ConsumerRecord<String, String> invalid = awaitOne(assessedDlq, shipmentId);
        assertTrue(TestKafka.header(invalid, "dead-letter-reason").contains("shipmentId is missing"),
                TestKafka.header(invalid, "dead-letter-reason"));

        ShipmentAssessed assessment = assessment(shipmentId, "D-" + newId(), 1, nppLine(1));
        send(assessment);
        send(consigneeResult(assessment, "OFAC-v1", SCREENED, match("ent-cartel-7", "Seventh Front", 0.95)));
        assertEquals("ent-cartel-7", awaitSingleAlert(shipmentId).getString("entity.entityId"));
    }

    private void send(ShipmentAssessed assessment) {
        TestKafka.produce(mapper, Topics.SHIPMENTS_ASSESSED, assessment.shipmentId(), assessment);
    }

    private void send(ScreeningResult result) {
        TestKafka.produce(mapper, Topics.SCREENING_RESULTS, result.shipmentId(), result);
    }

    private static JsonPath awaitSingleAlert(String shipmentId) {
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("shipmentId", shipmentId)
                .get("/api/v1/alerts").then().statusCode(200).body("total", is(1)));
        return given().queryParam("shipmentId", shipmentId).get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath().setRootPath("items[0]");
    }

    private static ConsumerRecord<String, String> awaitPublished(String alertId) {
        return awaitOne(alertsRaised, alertId);
    }

    private static ConsumerRecord<String, String> awaitOne(ConsumerTask<String, String> task, String key) {
        await().atMost(WAIT).until(() -> !TestKafka.withKey(task, key).isEmpty());
        List<ConsumerRecord<String, String>> records = TestKafka.withKey(task, key);
        assertEquals(1, records.size(), "records with key " + key);
        return records.get(0);
    }

    private static void awaitProcessed(String consumer, String eventId) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ProcessedEvent.isProcessed(consumer, eventId)));
    }

    private static long outboxCount(String alertId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("messageKey", alertId));
    }

    private static long unsentOutbox(String alertId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count("messageKey = ?1 and sentAt is null", alertId));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
