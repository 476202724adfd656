package io.chokepoint.alerting.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.alerting.delivery.TestReceiver;
import io.chokepoint.testing.AccessMatrix;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.SecuredEndpoints;
import io.chokepoint.testing.TestKeysResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.chokepoint.testing.AccessMatrix.Access.to;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint of the service against every role and every token that must not pass. Only officers are let in;
 * each allowed request works on real data made first (an alert to move, a dismissed one whose suppression to lift,
 * a webhook subscription of the test team with a parked delivery, a subscription to delete), so that its status is
 * the one of a request that succeeds. The token resources of this class serve every test of the module.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TestKeysResource.class)
class AccessMatrixTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void everyEndpointAnswersEveryCallerAsDesigned() throws IOException {
        Callers.reset();
        String alert = TestAlerts.raise(mapper, 1, TestAlerts.uniqueProgram()).get(0).id.toString();
        String dismissed = TestAlerts.raise(mapper, 1, TestAlerts.uniqueProgram()).get(0).id.toString();
        asOfficer().contentType(ContentType.JSON).body(Map.of("status", "DISMISSED",
                        "reason", Map.of("code", "FALSE_POSITIVE", "text", "a namesake")))
                .post("/api/v1/alerts/{id}/transitions", dismissed).then().statusCode(200);
        String toDelete = asOfficer().contentType(ContentType.JSON).body(Map.of("channel", Map.of("type", "STREAM")))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");

        try (TestReceiver receiver = new TestReceiver().failAlways()) {
            String program = TestAlerts.uniqueProgram();
            String webhook = asOfficer().contentType(ContentType.JSON)
                    .body(Map.of("filter", Map.of("programs", List.of(program)), "channel", Map.of("type", "WEBHOOK",
                            "url", receiver.url(), "secret", "s3cret-for-the-access-matrix")))
                    .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
            TestAlerts.raise(mapper, 1, program);
            String parked = await().atMost(TestAlerts.WAIT).until(() -> asOfficer()
                            .get("/api/v1/subscriptions/{id}/deliveries", webhook).then().statusCode(200)
                            .extract().jsonPath(), page -> page.getList("items.status").equals(List.of("PARKED")))
                    .getString("items[0].deliveryId");
            String deliveries = "/api/v1/subscriptions/" + webhook + "/deliveries";

            AccessMatrix matrix = AccessMatrix.of(
                    to("GET", "/api/v1/alerts").path("/api/v1/alerts?status=NEW").allows(200, "officer"),
                    to("GET", "/api/v1/alerts/{id}").path("/api/v1/alerts/" + alert).allows(200, "officer"),
                    to("GET", "/api/v1/alerts/stream").streaming().allows(200, "officer"),
                    to("POST", "/api/v1/alerts/{id}/transitions").path("/api/v1/alerts/" + alert + "/transitions")
                            .json("{\"status\": \"ACKNOWLEDGED\"}").allows(200, "officer"),
                    to("PUT", "/api/v1/alerts/{id}/assignee").path("/api/v1/alerts/" + alert + "/assignee")
                            .json("{\"assignee\": \"maria\"}").allows(200, "officer"),
                    to("POST", "/api/v1/alerts/{id}/notes").path("/api/v1/alerts/" + alert + "/notes")
                            .json("{\"note\": \"checked the invoice\"}").allows(200, "officer"),
                    to("DELETE", "/api/v1/alerts/{id}/suppression")
                            .path("/api/v1/alerts/" + dismissed + "/suppression").allows(200, "officer"),
                    to("GET", "/api/v1/audit/transitions").path("/api/v1/audit/transitions?alertId=" + alert)
                            .allows(200, "officer"),
                    to("POST", "/api/v1/subscriptions").json("{\"channel\": {\"type\": \"STREAM\"}}")
                            .allows(201, "officer"),
                    to("GET", "/api/v1/subscriptions").allows(200, "officer"),
                    to("GET", "/api/v1/subscriptions/{id}").path("/api/v1/subscriptions/" + webhook)
                            .allows(200, "officer"),
                    to("DELETE", "/api/v1/subscriptions/{id}").path("/api/v1/subscriptions/" + toDelete)
                            .allows(204, "officer"),
                    to("GET", "/api/v1/subscriptions/{id}/deliveries").path(deliveries).allows(200, "officer"),
                    to("GET", "/api/v1/subscriptions/{id}/deliveries/{deliveryId}").path(deliveries + "/" + parked)
                            .allows(200, "officer"),
                    to("POST", "/api/v1/subscriptions/{id}/deliveries/{deliveryId}/resend")
                            .path(deliveries + "/" + parked + "/resend").allows(200, "officer"),
                    to("POST", "/api/v1/subscriptions/{id}/deliveries/resend-parked")
                            .path(deliveries + "/resend-parked").allows(200, "officer"));

            Set<String> compiled = new TreeSet<>(EndpointSecurityTest.endpoints().stream()
                    .map(SecuredEndpoints.Endpoint::route).toList());
            assertEquals(compiled, matrix.routes(), "every endpoint of the service has a row in the matrix");
            assertEquals(List.of(), matrix.wrongCells());
        }
    }

    /** A made-up id of any of the officer's routes is unknown to officers, and refused to everyone else first. */
    @Test
    void madeUpIdsAreUnknownToOfficersOnly() {
        String none = UUID.randomUUID().toString();
        AccessMatrix matrix = AccessMatrix.of(
                to("GET", "/api/v1/alerts/{id}").path("/api/v1/alerts/" + none).allows(404, "officer"),
                to("GET", "/api/v1/subscriptions/{id}").path("/api/v1/subscriptions/" + none).allows(404, "officer"),
                to("GET", "/api/v1/subscriptions/{id}/deliveries").path("/api/v1/subscriptions/" + none
                        + "/deliveries").allows(404, "officer"));
        assertEquals(List.of(), matrix.wrongCells());
    }

    private static RequestSpecification asOfficer() {
        return given().header(Callers.AUTHORIZATION, Callers.bearer(TestTokens.officer()));
    }
}
