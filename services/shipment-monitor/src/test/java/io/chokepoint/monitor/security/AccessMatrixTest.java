package io.chokepoint.monitor.security;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.AccessMatrix;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.SecuredEndpoints;
import io.chokepoint.testing.TestKeysResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.chokepoint.testing.AccessMatrix.Access.to;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint against every role and every token that must not pass. The partner of the matrix is
 * {@link TestTokens#partner()} (agency {@value TestTokens#AGENCY}), so the events it pushes and the shipment it reads
 * are that agency's: the allowed cells show the designed success, not a scope refusal.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TestKeysResource.class)
class AccessMatrixTest {

    private static ObjectNode testAgencyEvent() {
        return TestEvents.npp().put("reportingAgency", TestTokens.AGENCY);
    }

    @Test
    void everyEndpointAnswersEveryCallerAsDesigned() {
        String shipmentId = given().header(Callers.AUTHORIZATION, Callers.bearer(TestTokens.partner()))
                .contentType(ContentType.JSON).body(testAgencyEvent().toString()).post("/api/v1/shipments")
                .then().statusCode(202).extract().path("shipmentId");

        AccessMatrix matrix = AccessMatrix.of(
                to("POST", "/api/v1/shipments").json(testAgencyEvent().toString()).allows(202, "partner"),
                to("POST", "/api/v1/shipments/batch")
                        .json(JsonNodeFactory.instance.arrayNode().add(testAgencyEvent()).toString())
                        .allows(200, "partner"),
                to("GET", "/api/v1/shipments").path("/api/v1/shipments?size=1").allows(200, "partner", "officer"),
                to("GET", "/api/v1/shipments/{id}").path("/api/v1/shipments/" + shipmentId)
                        .allows(200, "partner", "officer"),
                to("GET", "/api/v1/catalog").allows(200, "partner", "officer", "registry-admin", "operator"),
                to("POST", "/api/v1/catalog/reload").allows(200, "operator"));

        Set<String> routes = SecuredEndpoints.in(EndpointSecurityTest.CLASSES).stream()
                .map(SecuredEndpoints.Endpoint::route).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(routes, matrix.routes(), "the matrix covers every endpoint");
        assertEquals(List.of(), matrix.wrongCells());
    }
}
