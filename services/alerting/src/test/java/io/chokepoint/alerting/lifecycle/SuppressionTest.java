package io.chokepoint.alerting.lifecycle;

import io.chokepoint.model.alert.PartySuppressionChanged;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.Fixtures;
import io.chokepoint.alerting.Officers;
import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.alerting.TestKafka;
import io.chokepoint.alerting.alerts.Alert;
import io.chokepoint.platform.outbox.OutboxMessage;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A false-positive dismissal publishes a suppression of the party name for the entity; undoing it lifts it. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class SuppressionTest {

    private static final String CONSIGNEE_KEY_NAME = "distribuidora ejemplo s a de c v";

    private static ConsumerTask<String, String> suppressions;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void listen() {
        suppressions = TestKafka.consume(PartySuppressionChanged.TOPIC);
    }

    @AfterAll
    static void stopListening() {
        suppressions.close();
    }

    @BeforeEach
    void officer() {
        Callers.byDefault(TestTokens.officer());
    }

    @AfterEach
    void forgetCaller() {
        Callers.reset();
    }

    @Test
    void falsePositivePublishesASuppressionAndReopeningLiftsIt() {
        String entityId = "ent-" + UUID.randomUUID();
        Alert alert = raiseOn(entityId);
        String key = entityId + "|" + CONSIGNEE_KEY_NAME;

        dismissAsFalsePositive(alert, "ana").then().statusCode(200)
                .body("suppression.key", is(key))
                .body("suppression.partyName", is(Fixtures.CONSIGNEE))
                .body("history.kind", hasItem("SUPPRESSED"));
        ConsumerRecord<String, String> suppressed = awaitRecords(key, 1).get(0);
        JsonPath event = JsonPath.from(suppressed.value());
        assertTrue(event.getBoolean("active"));
        assertEquals(entityId, event.getString("entityId"));
        assertEquals(Fixtures.CONSIGNEE, event.getString("partyName"));
        assertEquals(CONSIGNEE_KEY_NAME, event.getString("normalizedName"));
        assertEquals(alert.id.toString(), event.getString("alertId"));
        assertEquals("ana", event.getString("actor"));
        assertEquals("same name, different company (RFC differs)", event.getString("reason"));
        assertEquals("io.chokepoint.alert.suppression-changed", TestKafka.header(suppressed, "ce_type"));
        assertEquals(event.getString("eventId"), TestKafka.header(suppressed, "ce_id"));

        given().contentType(ContentType.JSON).header("Authorization", Officers.bearer("luis"))
                .body(Map.of("status", "ACKNOWLEDGED", "reason", "RFC was misread; it is the listed company"))
                .post("/api/v1/alerts/{id}/transitions", alert.id).then().statusCode(200)
                .body("suppression", nullValue())
                .body("history.kind", hasItem("SUPPRESSION_LIFTED"));
        JsonPath lifted = JsonPath.from(awaitRecords(key, 2).get(1).value());
        assertFalse(lifted.getBoolean("active"));
        assertEquals("luis", lifted.getString("actor"));
        assertEquals(alert.id.toString(), lifted.getString("alertId"));
    }

    @Test
    void liftingKeepsTheAlertDismissed() {
        String entityId = "ent-" + UUID.randomUUID();
        Alert alert = raiseOn(entityId);
        String key = entityId + "|" + CONSIGNEE_KEY_NAME;
        dismissAsFalsePositive(alert, "ana").then().statusCode(200);

        given().header("Authorization", Officers.bearer("lead"))
                .queryParam("reason", "suppress per shipment, not for good")
                .delete("/api/v1/alerts/{id}/suppression", alert.id).then().statusCode(200)
                .body("status", is("DISMISSED"))
                .body("suppression", nullValue())
                .body("history.find { it.kind == 'SUPPRESSION_LIFTED' }.actor", is("lead"));
        JsonPath lifted = JsonPath.from(awaitRecords(key, 2).get(1).value());
        assertFalse(lifted.getBoolean("active"));
        assertEquals("lead", lifted.getString("actor"));
        given().delete("/api/v1/alerts/{id}/suppression", alert.id).then().statusCode(404);
    }

    /** Two dismissals suppress the same name for the same entity: the key stays suppressed until both are lifted. */
    @Test
    void theKeyStaysSuppressedWhileAnyDismissalStands() {
        String entityId = "ent-" + UUID.randomUUID();
        Alert first = raiseOn(entityId);
        Alert second = raiseOn(entityId);
        String key = entityId + "|" + CONSIGNEE_KEY_NAME;
        dismissAsFalsePositive(first, "ana").then().statusCode(200);
        dismissAsFalsePositive(second, "luis").then().statusCode(200);

        given().delete("/api/v1/alerts/{id}/suppression", first.id).then().statusCode(200);
        JsonPath stillStanding = JsonPath.from(awaitRecords(key, 3).get(2).value());
        assertTrue(stillStanding.getBoolean("active"));
        assertEquals(second.id.toString(), stillStanding.getString("alertId"));

        given().delete("/api/v1/alerts/{id}/suppression", second.id).then().statusCode(200);
        assertFalse(JsonPath.from(awaitRecords(key, 4).get(3).value()).getBoolean("active"));
    }

    @Test
    void otherDismissalsSuppressNothing() {
        String entityId = "ent-" + UUID.randomUUID();
        Alert alert = raiseOn(entityId);
        given().contentType(ContentType.JSON)
                .body(Map.of("status", "DISMISSED", "reason", Map.of("code", "LICENSED_TRADE")))
                .post("/api/v1/alerts/{id}/transitions", alert.id).then().statusCode(200)
                .body("suppression", nullValue());
        long written = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                "topic = ?1 and messageKey = ?2", PartySuppressionChanged.TOPIC, entityId + "|" + CONSIGNEE_KEY_NAME));
        assertEquals(0, written);
    }

    private Alert raiseOn(String entityId) {
        return TestAlerts.raise(mapper, Fixtures.match(entityId, "Cartel Front", 0.97, "SDNTK")).get(0);
    }

    private static io.restassured.response.Response dismissAsFalsePositive(Alert alert, String actor) {
        return given().contentType(ContentType.JSON).header("Authorization", Officers.bearer(actor))
                .body(Map.of("status", "DISMISSED", "reason", Map.of("code", "FALSE_POSITIVE",
                        "text", "same name, different company (RFC differs)")))
                .post("/api/v1/alerts/{id}/transitions", alert.id);
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(String key, int count) {
        return await().atMost(TestAlerts.WAIT).until(() -> TestKafka.withKey(suppressions, key),
                records -> records.size() >= count);
    }
}
