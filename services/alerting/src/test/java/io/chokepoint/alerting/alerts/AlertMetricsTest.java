package io.chokepoint.alerting.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.alerting.TestKafka;
import io.chokepoint.alerting.rules.Severity;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.Scrape;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chokepoint.alerting.Fixtures.assessment;
import static io.chokepoint.alerting.Fixtures.consigneeResult;
import static io.chokepoint.alerting.Fixtures.match;
import static io.chokepoint.alerting.Fixtures.nppLine;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alerts raised and updated as {@code /q/metrics} counts them, the pipeline latency measured from the assessment,
 * and the open-alerts gauge against the database. Alerts are raised through the consumed topics.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class AlertMetricsTest {

    private static final String APP = "alerting";
    private static final String PRECURSOR = "PRECURSOR_TO_SANCTIONED_PARTY";
    private static final String RAISED = "chokepoint_alerts_raised_total";
    private static final String UPDATED = "chokepoint_alerts_updated_total";
    private static final String LATENCY = "chokepoint_alert_pipeline_latency_seconds";
    private static final String OPEN = "chokepoint_alerts_open";
    private static final List<AlertStatus> UNDER_REVIEW =
            List.of(AlertStatus.NEW, AlertStatus.ACKNOWLEDGED, AlertStatus.ESCALATED);

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

    @Test
    void aRaisedAlertIsCountedAndItsLatencyRunsFromTheAssessmentNotFromThePartnersEvent() {
        Scrape before = Scrape.now();
        Instant now = Instant.now();
        ShipmentAssessed fresh = assessment(UUID.randomUUID().toString(), "MX-SAT-" + UUID.randomUUID(), 1,
                nppLine(1));
        // assessed ten minutes ago (a backlog), from a partner event dated thirty days back
        ShipmentAssessed assessed = new ShipmentAssessed(fresh.eventId(), fresh.shipmentId(), fresh.declarationId(),
                fresh.reportingAgency(), fresh.sourceEventId(), fresh.eventType(), fresh.revision(),
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofMinutes(10)), fresh.parties(), fresh.goods(),
                fresh.route(), fresh.indicators());

        raise(assessed, consigneeResult(assessed, "OFAC-v1", now,
                match("ent-" + UUID.randomUUID(), "Listed Front", 0.95, TestAlerts.uniqueProgram())));

        Scrape after = await().atMost(TestAlerts.WAIT).until(Scrape::now, scrape ->
                delta(before, scrape, RAISED, "type", PRECURSOR, "severity", "HIGH", "late", "false") >= 1
                        && delta(before, scrape, LATENCY + "_count") >= 1);
        assertFalse(after.find(RAISED, "type", PRECURSOR, "severity", "HIGH", "late", "false", "application", APP)
                .isEmpty());
        double latencies = delta(before, after, LATENCY + "_sum");
        assertTrue(latencies >= Duration.ofMinutes(10).toSeconds(), "from assessedAt: " + latencies);
        assertTrue(latencies < Duration.ofDays(1).toSeconds(), "not from the partner's occurredAt: " + latencies);
        assertTrue(after.find(LATENCY + "_bucket").size() > 10, "a histogram for percentiles");
        assertEquals(after.value(LATENCY + "_count"), after.value(LATENCY + "_bucket", "le", "+Inf"));
    }

    @Test
    void aLateAlertIsCountedAsLateAndLeftOutOfThePipelineLatency() {
        Scrape before = Scrape.now();
        ShipmentAssessed assessed = assessment(UUID.randomUUID().toString(), "MX-SAT-" + UUID.randomUUID(), 1,
                nppLine(1));
        ScreeningResult rescreen = late(consigneeResult(assessed, "OFAC-v2", Instant.now(),
                match("ent-" + UUID.randomUUID(), "Listed Front", 0.95, TestAlerts.uniqueProgram())));

        raise(assessed, rescreen);

        // whatever else was raised meanwhile, the timer counts exactly the alerts that were not late
        await().atMost(TestAlerts.WAIT).until(Scrape::now, after ->
                delta(before, after, RAISED, "type", PRECURSOR, "late", "true") == 1
                        && delta(before, after, LATENCY + "_count") == delta(before, after, RAISED, "late", "false"));
    }

    @Test
    void newEvidenceOnAnAlertIsCountedAsAnUpdate() {
        String entity = "ent-" + UUID.randomUUID();
        String program = TestAlerts.uniqueProgram();
        ShipmentAssessed assessed = assessment(UUID.randomUUID().toString(), "MX-SAT-" + UUID.randomUUID(), 1,
                nppLine(1));
        raise(assessed, consigneeResult(assessed, "OFAC-v1", Instant.now().minusSeconds(60),
                match(entity, "Listed Front", 0.91, program)));
        Scrape before = Scrape.now();

        TestKafka.produce(mapper, Topics.SCREENING_RESULTS, assessed.shipmentId(),
                consigneeResult(assessed, "OFAC-v2", Instant.now(), match(entity, "Listed Front", 0.99, program)));

        Scrape after = await().atMost(TestAlerts.WAIT).until(Scrape::now,
                scrape -> delta(before, scrape, UPDATED, "type", PRECURSOR) >= 1);
        assertEquals(0.0, delta(before, after, RAISED), "an update is not a raise");
        Alert alert = TestAlerts.awaitAlerts(assessed.shipmentId(), 1).get(0);
        assertEquals(0.99, alert.score);
    }

    @Test
    void openAlertsAreCountedBySeverityAsTheDatabaseHasThem() {
        // a strong match under a narcotics program: one level above the base HIGH
        List<Alert> raised = TestAlerts.raise(mapper, 2, "SDNTK", TestAlerts.uniqueProgram());
        assertEquals(Severity.CRITICAL, raised.get(0).severity);
        long open = awaitOpenGaugeMatchesTheDatabase(Severity.CRITICAL);
        assertTrue(open >= 2, "both alerts are open: " + open);
        for (Severity severity : Severity.values()) {
            assertFalse(Scrape.now().find(OPEN, "severity", severity.name(), "application", APP).isEmpty(),
                    "every severity is exported: " + severity);
        }

        given().contentType(ContentType.JSON)
                .body(Map.of("status", "DISMISSED", "reason", Map.of("code", "DUPLICATE")))
                .post("/api/v1/alerts/{id}/transitions", raised.get(0).id).then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("status", "ACKNOWLEDGED"))
                .post("/api/v1/alerts/{id}/transitions", raised.get(1).id).then().statusCode(200);

        assertEquals(open - 1, awaitOpenGaugeMatchesTheDatabase(Severity.CRITICAL),
                "a dismissed alert is closed, an acknowledged one still open");
    }

    /** The gauge once it shows what the database counts (it is refreshed every second in tests). */
    private static long awaitOpenGaugeMatchesTheDatabase(Severity severity) {
        return await().atMost(TestAlerts.WAIT).until(() -> {
            long counted = QuarkusTransaction.requiringNew().call(() ->
                    Alert.count("severity = ?1 and status in ?2", severity, UNDER_REVIEW));
            double gauge = Scrape.now().value(OPEN, "severity", severity.name());
            return gauge == counted ? counted : -1L;
        }, counted -> counted >= 0);
    }

    private void raise(ShipmentAssessed assessed, ScreeningResult result) {
        TestKafka.produce(mapper, Topics.SHIPMENTS_ASSESSED, assessed.shipmentId(), assessed);
        TestKafka.produce(mapper, Topics.SCREENING_RESULTS, assessed.shipmentId(), result);
        TestAlerts.awaitAlerts(assessed.shipmentId(), 1);
    }

    private static ScreeningResult late(ScreeningResult result) {
        return new ScreeningResult(result.eventId(), result.shipmentId(), result.declarationId(),
                result.reportingAgency(), result.assessmentEventId(), result.revision(), result.listVersion(),
                result.screenedAt(), true, result.parties());
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
