package io.chokepoint.alerting.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.Officers;
import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.alerting.alerts.Alert;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Officers moving an alert through its review, on the real database, with the alert raised from Kafka. Each officer
 * sends a token of its own; the actor recorded is the token's principal.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class LifecycleTest {

    @Inject
    ObjectMapper mapper;

    private String alertId;

    @BeforeEach
    void raiseAlert() {
        Callers.byDefault(TestTokens.officer());
        Alert alert = TestAlerts.raise(mapper, 1, TestAlerts.uniqueProgram()).get(0);
        alertId = alert.id.toString();
    }

    @AfterEach
    void forgetCaller() {
        Callers.reset();
    }

    @Test
    void reviewFromAcknowledgedToConfirmedIsKeptInHistory() {
        move("maria", Map.of("status", "ACKNOWLEDGED", "assignee", "maria", "note", "looking at the invoice"))
                .then().statusCode(200)
                .body("status", is("ACKNOWLEDGED"))
                .body("assignee", is("maria"))
                .body("statusChangedBy", is("maria"));
        move("maria", Map.of("status", "ESCALATED", "reason", "consignee linked to the CJNG network"))
                .then().statusCode(200).body("status", is("ESCALATED"))
                .body("reason.text", is("consignee linked to the CJNG network"));
        move("jorge", Map.of("status", "CONFIRMED", "assignee", "jorge")).then().statusCode(200)
                .body("status", is("CONFIRMED"))
                .body("allowedTransitions", hasSize(0))
                .body("assignable", is(false))
                .body("assignee", is("jorge"))
                .body("history.kind", contains("RAISED", "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED"))
                .body("history[1].actor", is("maria"))
                .body("history[1].fromStatus", is("NEW"))
                .body("history[1].toStatus", is("ACKNOWLEDGED"))
                .body("history[1].note", is("looking at the invoice"))
                .body("history[1].assignee", is("maria"))
                .body("history[2].reason.text", is("consignee linked to the CJNG network"))
                .body("history[3].actor", is("jorge"))
                .body("history[0].actor", nullValue());

        String shipmentId = TestAlerts.reload(UUID.fromString(alertId)).shipmentId;
        given().queryParam("shipmentId", shipmentId).queryParam("status", "CONFIRMED")
                .get("/api/v1/alerts").then().statusCode(200).body("total", is(1));
    }

    @Test
    void illegalMovesAreRefusedNamingBothStates() {
        move(null, Map.of("status", "CONFIRMED")).then().statusCode(409)
                .body("message", containsString("is NEW and cannot move to CONFIRMED"))
                .body("currentStatus", is("NEW"))
                .body("requestedStatus", is("CONFIRMED"))
                .body("allowed", contains("ACKNOWLEDGED", "DISMISSED"));

        move(null, Map.of("status", "ACKNOWLEDGED")).then().statusCode(200);
        move(null, Map.of("status", "ESCALATED")).then().statusCode(200);
        move(null, Map.of("status", "CONFIRMED")).then().statusCode(200);
        move(null, Map.of("status", "DISMISSED", "reason", Map.of("code", "DUPLICATE"))).then().statusCode(409)
                .body("message", containsString("CONFIRMED is final"))
                .body("allowed", hasSize(0));
        given().get("/api/v1/alerts/{id}", alertId).then().body("status", is("CONFIRMED"))
                .body("history", hasSize(4));
    }

    @Test
    void dismissalNeedsAReasonAndReopeningToo() {
        move(null, Map.of("status", "DISMISSED")).then().statusCode(400)
                .body("errors.field", contains("reason.code"));
        move("ana", Map.of("status", "DISMISSED", "reason", Map.of("code", "LICENSED_TRADE",
                "text", "DEA import permit 2026-114"))).then().statusCode(200)
                .body("status", is("DISMISSED"))
                .body("reason.code", is("LICENSED_TRADE"))
                .body("suppression", nullValue());
        move("ana", Map.of("status", "ACKNOWLEDGED")).then().statusCode(400)
                .body("errors.field", contains("reason.text"));
        move("ana", Map.of("status", "ACKNOWLEDGED", "reason", "permit was revoked")).then().statusCode(200)
                .body("status", is("ACKNOWLEDGED"))
                .body("reason.text", is("permit was revoked"))
                .body("reason.code", nullValue());
    }

    @Test
    void badRequestsNameEveryProblem() {
        move(null, Map.of("status", "OPEN", "reason", Map.of("code", "BORED"), "assignee", "x".repeat(200)))
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("status", "reason.code", "assignee"));
        given().contentType(ContentType.JSON).body("{\"status\": ").post("/api/v1/alerts/{id}/transitions", alertId)
                .then().statusCode(400).body("errors[0].field", is("body"));
        given().contentType(ContentType.JSON).body(Map.of("status", "ACKNOWLEDGED"))
                .post("/api/v1/alerts/{id}/transitions", "00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).body("message", containsString("No alert"));
        given().contentType(ContentType.JSON).header("If-Match", "yesterday").body(Map.of("status", "ACKNOWLEDGED"))
                .post("/api/v1/alerts/{id}/transitions", alertId).then().statusCode(400)
                .body("errors.field", contains("If-Match"));
    }

    /** Whatever a client claims in a header of its own: X-Actor was how callers named themselves before tokens. */
    @Test
    void theActorIsTheTokensPrincipalNotAHeaderClaim() {
        given().contentType(ContentType.JSON).header("X-Actor", "someone.else").body(Map.of("status", "ACKNOWLEDGED"))
                .post("/api/v1/alerts/{id}/transitions", alertId).then().statusCode(200)
                .body("statusChangedBy", is(Officers.DEFAULT))
                .body("history[1].actor", is(Officers.DEFAULT));
        given().contentType(ContentType.JSON).header("Authorization", Officers.bearer("lead"))
                .header("X-Actor", "someone.else").body(Map.of("assignee", "maria"))
                .put("/api/v1/alerts/{id}/assignee", alertId).then().statusCode(200)
                .body("history[2].actor", is("lead"))
                .body("history[2].summary", is("Assigned to maria by lead"));
    }

    /** An identity provider may issue a principal longer than the actor columns: it is recorded by its first characters. */
    @Test
    void anOverlongPrincipalIsRecordedCutToTheActorColumns() {
        String overlong = "officer-" + "x".repeat(300);
        String cut = overlong.substring(0, 128);
        given().contentType(ContentType.JSON).header("Authorization", Officers.bearer(overlong))
                .body(Map.of("status", "ACKNOWLEDGED"))
                .post("/api/v1/alerts/{id}/transitions", alertId).then().statusCode(200)
                .body("statusChangedBy", is(cut))
                .body("history[1].actor", is(cut));
        given().contentType(ContentType.JSON).header("Authorization", Officers.bearer(overlong))
                .body(Map.of("note", "seen at the port"))
                .post("/api/v1/alerts/{id}/notes", alertId).then().statusCode(200)
                .body("history[2].actor", is(cut));
    }

    @Test
    void aChangeBasedOnAnOlderVersionIsRefused() {
        String etag = given().get("/api/v1/alerts/{id}", alertId).then().statusCode(200).extract().header("ETag");
        String next = given().contentType(ContentType.JSON).header("Authorization", Officers.bearer("ana"))
                .header("If-Match", etag)
                .body(Map.of("note", "first look")).post("/api/v1/alerts/{id}/notes", alertId)
                .then().statusCode(200).body("history[1].kind", is("NOTE_ADDED")).extract().header("ETag");
        given().contentType(ContentType.JSON).header("Authorization", Officers.bearer("luis")).header("If-Match", etag)
                .body(Map.of("status", "DISMISSED", "reason", Map.of("code", "DUPLICATE")))
                .post("/api/v1/alerts/{id}/transitions", alertId)
                .then().statusCode(412)
                .body("message", containsString("has changed since version"))
                .body("currentVersion", is(Integer.parseInt(next.replace("\"", ""))));
        given().contentType(ContentType.JSON).header("If-Match", next).body(Map.of("status", "ACKNOWLEDGED"))
                .post("/api/v1/alerts/{id}/transitions", alertId).then().statusCode(200);
    }

    /** Two officers deciding at the same moment on the version they both read: exactly one wins. */
    @Test
    void concurrentChangesOnOneVersionCannotBothWin() throws Exception {
        String etag = given().get("/api/v1/alerts/{id}", alertId).then().extract().header("ETag");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService officers = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> ana = officers.submit(decide(start, etag, "ana",
                    Map.of("status", "ACKNOWLEDGED", "assignee", "ana")));
            Future<Integer> luis = officers.submit(decide(start, etag, "luis",
                    Map.of("status", "DISMISSED", "reason", Map.of("code", "FALSE_POSITIVE", "text", "namesake"))));
            start.countDown();
            List<Integer> statuses = List.of(ana.get(30, TimeUnit.SECONDS), luis.get(30, TimeUnit.SECONDS));
            assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
            assertEquals(1, statuses.stream().filter(status -> status == 412).count(), statuses.toString());
        } finally {
            officers.shutdownNow();
        }
        given().get("/api/v1/alerts/{id}", alertId).then()
                .body("history.findAll { it.kind == 'STATUS_CHANGED' }", hasSize(1));
    }

    @Test
    void assigningAndNotes() {
        given().contentType(ContentType.JSON).header("Authorization", Officers.bearer("lead"))
                .body(Map.of("assignee", "maria", "note", "your region")).put("/api/v1/alerts/{id}/assignee", alertId)
                .then().statusCode(200).body("assignee", is("maria"))
                .body("history[1].kind", is("ASSIGNED"))
                .body("history[1].actor", is("lead"))
                .body("history[1].note", is("your region"));
        given().contentType(ContentType.JSON).body(Map.of("note", " ")).post("/api/v1/alerts/{id}/notes", alertId)
                .then().statusCode(400).body("errors.field", contains("note"));
        move(null, Map.of("status", "DISMISSED", "reason", Map.of("code", "INSUFFICIENT_EVIDENCE"))).then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("assignee", "jorge"))
                .put("/api/v1/alerts/{id}/assignee", alertId).then().statusCode(409)
                .body("currentStatus", is("DISMISSED"));
        given().contentType(ContentType.JSON).header("Authorization", Officers.bearer("lead"))
                .body(Map.of("note", "closed in review"))
                .post("/api/v1/alerts/{id}/notes", alertId).then().statusCode(200)
                .body("history.kind", contains("RAISED", "ASSIGNED", "STATUS_CHANGED", "NOTE_ADDED"))
                .body("history[3].note", is("closed in review"))
                .body("history[3].actor", is("lead"));
    }

    private Callable<Integer> decide(CountDownLatch start, String etag, String actor, Map<String, Object> body) {
        return () -> {
            start.await();
            return given().contentType(ContentType.JSON).header("Authorization", Officers.bearer(actor))
                    .header("If-Match", etag)
                    .body(body).post("/api/v1/alerts/{id}/transitions", alertId).statusCode();
        };
    }

    /** @param actor the officer whose token is sent; the test's default officer when null */
    private Response move(String actor, Map<String, Object> body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (actor != null) {
            request.header("Authorization", Officers.bearer(actor));
        }
        return request.post("/api/v1/alerts/{id}/transitions", alertId);
    }
}
