package io.chokepoint.alerting.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.Scrape;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Officers' moves as {@code /q/metrics} counts them: applied once committed, refused with 400, 409 and 412. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class TransitionMetricsTest {

    private static final String TRANSITIONS = "chokepoint_alert_transitions_total";

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
    void appliedAndRefusedMovesAreCountedByTargetStatus() {
        String alertId = TestAlerts.raise(mapper, 1, TestAlerts.uniqueProgram()).get(0).id.toString();
        String version = given().get("/api/v1/alerts/{id}", alertId).then().statusCode(200).extract().header("ETag");
        Scrape before = Scrape.now();

        move(alertId, Map.of("status", "ACKNOWLEDGED"), version, 200);
        move(alertId, Map.of("status", "ACKNOWLEDGED"), null, 409);
        move(alertId, Map.of("status", "ESCALATED"), version, 412);
        move(alertId, Map.of("status", "DISMISSED"), null, 400);
        move(alertId, Map.of("status", "Lost in the warehouse"), null, 400);
        move(UUID.randomUUID().toString(), Map.of("status", "ACKNOWLEDGED"), null, 404);
        Scrape after = Scrape.now();

        assertEquals(1.0, delta(before, after, "to", "ACKNOWLEDGED", "outcome", "applied", "application", "alerting"));
        assertEquals(1.0, delta(before, after, "to", "ACKNOWLEDGED", "outcome", "refused"), "409");
        assertEquals(1.0, delta(before, after, "to", "ESCALATED", "outcome", "refused"), "412");
        assertEquals(1.0, delta(before, after, "to", "DISMISSED", "outcome", "refused"), "400, no reason code");
        assertEquals(1.0, delta(before, after, "to", "unknown", "outcome", "refused"), "400, no such status");
        assertEquals(4.0, delta(before, after, "outcome", "refused"), "an unknown alert is not a refused move");
        assertEquals(1.0, delta(before, after, "outcome", "applied"));
        assertTrue(after.find(TRANSITIONS, "to", "Lost in the warehouse").isEmpty(), "free text is never a label");
    }

    private static void move(String alertId, Map<String, Object> body, String ifMatch, int status) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.post("/api/v1/alerts/{id}/transitions", alertId).then().statusCode(status);
    }

    private static double delta(Scrape before, Scrape after, String... labels) {
        return after.value(TRANSITIONS, labels) - before.value(TRANSITIONS, labels);
    }
}
