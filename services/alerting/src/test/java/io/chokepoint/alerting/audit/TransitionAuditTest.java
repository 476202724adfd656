package io.chokepoint.alerting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.chokepoint.alerting.Officers;
import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.local.tokens.AccessToken;
import io.chokepoint.platform.security.Roles;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request to move an alert is on record, applied or refused, with who, what, when, from where and what came
 * of it; refusals although their transaction was rolled back; and the record cannot be changed, not even by a
 * connection of the service's own (here a superuser's) database role. Who is the principal of the caller's token:
 * each test sends the token of an officer of its own.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class TransitionAuditTest {

    private static final String AUDIT = "/api/v1/audit/transitions";

    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;

    private String alertId;
    private String actor;

    @BeforeEach
    void raiseAlert() {
        actor = "auditor-" + UUID.randomUUID();
        Callers.byDefault(Officers.named(actor));
        alertId = TestAlerts.raise(mapper, 1, TestAlerts.uniqueProgram()).get(0).id.toString();
    }

    @AfterEach
    void forgetCaller() {
        Callers.reset();
    }

    @Test
    void appliedAndRefusedRequestsAreRecordedNewestFirst() {
        String version = given().get("/api/v1/alerts/{id}", alertId).then().statusCode(200).extract().header("ETag");
        Instant before = Instant.now();

        move(json(Map.of("status", "acknowledged", "note", "checking the consignee")), version).statusCode(200);
        move(json(Map.of("status", "ACKNOWLEDGED")), null).statusCode(409);
        move(json(Map.of("status", "ESCALATED")), version).statusCode(412);
        move(json(Map.of("status", "ESCALATED", "reason", Map.of("code", "BORED"))), null).statusCode(400);
        move(given().contentType(ContentType.JSON).body("{\"status\": "), null).statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("status", "ACKNOWLEDGED"))
                .post("/api/v1/alerts/{id}/transitions", "no-such-alert").then().statusCode(404);

        JsonPath records = given().queryParam("actor", actor).get(AUDIT).then().statusCode(200)
                .body("total", is(6)).extract().jsonPath();
        assertEquals(List.of("REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "APPLIED"),
                records.getList("items.outcome"));
        assertEquals(List.of(404, 400, 400, 412, 409, 200), records.getList("items.httpStatus"));
        assertEquals(Arrays.asList("ACKNOWLEDGED", null, "ESCALATED", "ESCALATED", "ACKNOWLEDGED", "acknowledged"),
                records.getList("items.requestedStatus"));
        assertEquals(Arrays.asList(null, null, "BORED", null, null, null), records.getList("items.reasonCode"));
        assertEquals(List.of("no-such-alert", alertId, alertId, alertId, alertId, alertId),
                records.getList("items.alertId"));
        assertEquals(Arrays.asList(null, null, null, version, null, version), records.getList("items.ifMatch"));

        assertEquals("NEW", records.getString("items[5].fromStatus"));
        assertNull(records.getString("items[5].message"));
        assertTrue(Instant.parse(records.getString("items[5].requestedAt")).isAfter(before.minusSeconds(1)));
        assertEquals(Arrays.asList(null, null, null, null, null, "NEW"), records.getList("items.fromStatus"));
        assertEquals("No alert with id no-such-alert", records.getString("items[0].message"));
        assertTrue(records.getString("items[1].message").startsWith("body: malformed JSON"),
                records.getString("items[1].message"));
        assertEquals("reason.code: only a dismissal takes a reason code; give a text instead",
                records.getString("items[2].message"));
        assertTrue(records.getString("items[3].message").contains("has changed since version"));
        assertTrue(records.getString("items[4].message").contains("is ACKNOWLEDGED and cannot move to ACKNOWLEDGED"));
        assertEquals(List.of(actor), records.getList("items.actor").stream().distinct().toList());
        assertEquals(List.of(actor), records.getList("items.subject").stream().distinct().toList());
    }

    /**
     * The principal of the token, for an applied move and a refused one alike, whatever the request claims in a
     * header of its own (X-Actor named the actor before callers had tokens).
     */
    @Test
    void theActorIsTheTokensPrincipalForAppliedAndRefusedMoves() {
        String other = "auditor-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header("X-Actor", "someone-else").body(Map.of("status", "ACKNOWLEDGED"))
                .post("/api/v1/alerts/{id}/transitions", alertId).then().statusCode(200);
        given().contentType(ContentType.JSON).header("Authorization", Callers.bearer(Officers.named(other)))
                .header("X-Actor", "someone-else").body(Map.of("status", "ACKNOWLEDGED"))
                .post("/api/v1/alerts/{id}/transitions", alertId).then().statusCode(409);

        JsonPath records = given().queryParam("alertId", alertId).get(AUDIT).then().statusCode(200)
                .body("total", is(2)).extract().jsonPath();
        assertEquals(List.of("REFUSED", "APPLIED"), records.getList("items.outcome"));
        assertEquals(List.of(other, actor), records.getList("items.actor"));
        assertEquals(List.of(other, actor), records.getList("items.subject"));
        given().queryParam("actor", "someone-else").get(AUDIT).then().statusCode(200).body("total", is(0));
        given().queryParam("actor", other).get(AUDIT).then().statusCode(200).body("total", is(1))
                .body("items[0].httpStatus", is(409));
    }

    /** The connection's peer, whatever a client writes in X-Forwarded-For (forwarding is off). */
    @Test
    void theRemoteAddressIsTheConnectionsNotAHeadersClaim() throws UnknownHostException {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113.9")
                .header("Forwarded", "for=198.51.100.7").body(Map.of("status", "ESCALATED"))
                .post("/api/v1/alerts/{id}/transitions", alertId).then().statusCode(409);
        move(json(Map.of("status", "ACKNOWLEDGED")), null).statusCode(200);

        List<String> addresses = given().queryParam("actor", actor).get(AUDIT).then().statusCode(200)
                .body("items", hasSize(2)).extract().jsonPath().getList("items.remoteAddress");
        for (String address : addresses) {
            assertTrue(InetAddress.getByName(address).isLoopbackAddress(), address);
        }
    }

    @Test
    void searchesByAlertOutcomeAndTime() {
        move(json(Map.of("status", "CONFIRMED")), null).statusCode(409);
        move(json(Map.of("status", "ACKNOWLEDGED")), null).statusCode(200);
        move(json(Map.of("status", "ACKNOWLEDGED")), null).statusCode(409);

        given().queryParam("alertId", alertId).get(AUDIT).then().statusCode(200).body("total", is(3))
                .body("items.requestedStatus", is(List.of("ACKNOWLEDGED", "ACKNOWLEDGED", "CONFIRMED")));
        given().queryParam("alertId", alertId).queryParam("outcome", "refused").get(AUDIT).then().statusCode(200)
                .body("total", is(2)).body("items.httpStatus", is(List.of(409, 409)));
        given().queryParam("alertId", alertId).queryParam("outcome", "APPLIED").get(AUDIT).then().statusCode(200)
                .body("total", is(1));
        given().queryParam("alertId", alertId).queryParam("size", 1).queryParam("page", 2).get(AUDIT).then()
                .statusCode(200).body("total", is(3)).body("items.requestedStatus", is(List.of("CONFIRMED")));
        given().queryParam("alertId", alertId).queryParam("since", Instant.now().plusSeconds(60).toString())
                .get(AUDIT).then().statusCode(200).body("total", is(0));
        given().queryParam("outcome", "LOST").queryParam("since", "yesterday").queryParam("size", 0).get(AUDIT)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("outcome", "since", "size"));
    }

    /** Hostile text is refused by the move and recorded as sent, but for NUL, which PostgreSQL cannot store. */
    @Test
    void aBodyCarryingNulIsRefusedAndStillRecorded() {
        move(json(Map.of("status", "ACKNOWLEDGED", "note", "before\u0000after")), null).statusCode(400)
                .body("errors.field", is(List.of("note")));
        move(json(Map.of("status", "ACK\u0000" + "x".repeat(100))), null).statusCode(400);

        JsonPath records = given().queryParam("actor", actor).get(AUDIT).then().statusCode(200)
                .body("total", is(2)).extract().jsonPath();
        String status = records.getString("items[0].requestedStatus");
        assertEquals(64, status.length());
        assertTrue(status.startsWith("ACK\uFFFDxxx") && status.endsWith("\u2026"), status);
        assertEquals("ACKNOWLEDGED", records.getString("items[1].requestedStatus"));
    }

    @Test
    void theRecordCannotBeChangedOrDeletedThroughTheDatabase() throws SQLException {
        move(json(Map.of("status", "ACKNOWLEDGED")), null).statusCode(200);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : List.of("UPDATE transition_audit SET actor = 'someone else'",
                    "UPDATE transition_audit SET outcome = 'APPLIED' WHERE id = -1",
                    "DELETE FROM transition_audit", "TRUNCATE transition_audit")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                String operation = sql.substring(0, sql.indexOf(' '));
                assertTrue(refused.getMessage().contains("transition_audit is append-only: " + operation
                        + " is not allowed"), refused.getMessage());
            }
        }
        given().queryParam("actor", actor).get(AUDIT).then().statusCode(200).body("total", is(1))
                .body("items[0].outcome", is("APPLIED"));
        given().queryParam("actor", "someone else").get(AUDIT).then().statusCode(200).body("total", is(0));
    }

    /**
     * A caller who may not move alerts at all (a partner, a registry administrator) is refused for its roles before
     * the move is reached; the attempt is still on record, once, with its principal, and nothing of the alert moves.
     * Its other refusals by role (a read, the subscriptions, the audit) are not moves and are not recorded. The
     * record is written just after the 403 (the roles are checked on the event loop), hence the wait.
     */
    @Test
    void aMoveRefusedForTheCallersRolesIsRecordedAsForbidden() throws UnknownHostException {
        String version = given().get("/api/v1/alerts/{id}", alertId).then().statusCode(200).extract().header("ETag");
        String partner = "partner-" + UUID.randomUUID();
        String partnerToken = Callers.bearer(TestTokens.sign(AccessToken.of(partner, Roles.PARTNER)
                .agency(TestTokens.AGENCY)));
        String admin = "registry-admin-" + UUID.randomUUID();
        String adminToken = Callers.bearer(TestTokens.sign(AccessToken.of(admin, Roles.REGISTRY_ADMIN)));

        given().contentType(ContentType.JSON).header("Authorization", partnerToken)
                .header("If-Match", version).body(Map.of("status", "ACKNOWLEDGED"))
                .post("/api/v1/alerts/{id}/transitions", alertId).then().statusCode(403);
        given().header("Authorization", partnerToken).get("/api/v1/alerts/{id}", alertId).then().statusCode(403);
        given().header("Authorization", partnerToken).get("/api/v1/subscriptions").then().statusCode(403);
        given().header("Authorization", partnerToken).get(AUDIT).then().statusCode(403);
        given().contentType(ContentType.JSON).header("Authorization", adminToken)
                .body(Map.of("status", "DISMISSED")).post("/api/v1/alerts/{id}/transitions", alertId).then()
                .statusCode(403);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("alertId", alertId)
                .get(AUDIT).then().statusCode(200).body("total", is(2)));
        JsonPath records = given().queryParam("actor", partner).get(AUDIT).then().statusCode(200)
                .body("total", is(1)).extract().jsonPath();
        assertEquals("FORBIDDEN", records.getString("items[0].outcome"));
        assertEquals(403, records.getInt("items[0].httpStatus"));
        assertEquals(partner, records.getString("items[0].actor"));
        assertEquals(partner, records.getString("items[0].subject"));
        assertEquals(alertId, records.getString("items[0].alertId"));
        assertNull(records.getString("items[0].requestedStatus"));
        assertNull(records.getString("items[0].fromStatus"));
        assertEquals(ForbiddenTransitions.MESSAGE, records.getString("items[0].message"));
        String address = records.getString("items[0].remoteAddress");
        assertTrue(InetAddress.getByName(address).isLoopbackAddress(), address);

        given().queryParam("alertId", alertId).queryParam("outcome", "forbidden").get(AUDIT).then().statusCode(200)
                .body("total", is(2)).body("items.actor", containsInAnyOrder(admin, partner))
                .body("items.httpStatus", is(List.of(403, 403)));
        given().get("/api/v1/alerts/{id}", alertId).then().statusCode(200).header("ETag", version)
                .body("status", is("NEW"));
    }

    /**
     * A request without a valid token (401) has no "who": nothing is recorded. A forbidden attempt sent after it is
     * awaited, so that the 401 has had every chance to leave a record of its own.
     */
    @Test
    void aMoveWithoutAValidTokenIsNotRecorded() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer not-a-token")
                .body(Map.of("status", "ACKNOWLEDGED")).post("/api/v1/alerts/{id}/transitions", alertId).then()
                .statusCode(401);
        String partner = "partner-" + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .header("Authorization", Callers.bearer(TestTokens.sign(AccessToken.of(partner, Roles.PARTNER)
                        .agency(TestTokens.AGENCY))))
                .body(Map.of("status", "ACKNOWLEDGED")).post("/api/v1/alerts/{id}/transitions", alertId).then()
                .statusCode(403);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().queryParam("actor", partner).get(AUDIT)
                .then().statusCode(200).body("total", is(1)));
        given().queryParam("alertId", alertId).get(AUDIT).then().statusCode(200).body("total", is(1))
                .body("items[0].actor", is(partner)).body("items[0].httpStatus", is(403));
        given().get("/api/v1/alerts/{id}", alertId).then().statusCode(200).body("status", is("NEW"));
    }

    /** An officer's refused move is recorded by the move's own audit, as before, and not again as forbidden. */
    @Test
    void anOfficersRefusedMoveIsRecordedOnceAsRefused() {
        move(json(Map.of("status", "CONFIRMED")), null).statusCode(409);

        JsonPath records = given().queryParam("alertId", alertId).get(AUDIT).then().statusCode(200)
                .body("total", is(1)).extract().jsonPath();
        assertEquals("REFUSED", records.getString("items[0].outcome"));
        assertEquals(409, records.getInt("items[0].httpStatus"));
        assertEquals(actor, records.getString("items[0].actor"));
        assertEquals("CONFIRMED", records.getString("items[0].requestedStatus"));
    }

    private RequestSpecification json(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    private ValidatableResponse move(RequestSpecification request, String ifMatch) {
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/alerts/{id}/transitions", alertId).then();
    }
}
