package io.chokepoint.registry.security;

import io.chokepoint.platform.security.Roles;
import io.chokepoint.testing.AccessMatrix;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.SecuredEndpoints;
import io.chokepoint.testing.TestKeysResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.chokepoint.testing.AccessMatrix.Access.to;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint against every role and every token that must not pass: the designed roles get the endpoint's real
 * answer (on real entities, versions and change requests made first), the other roles 403, bad tokens 401.
 * The test keys serve every test of the module (Quarkus test resources are global).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TestKeysResource.class)
class AccessMatrixTest {

    private static final String ADMIN = Roles.REGISTRY_ADMIN;
    private static final String OFFICER = Roles.OFFICER;
    private static final String OPERATOR = Roles.OPERATOR;

    /** The cells must go without a token when they say so: no default caller left by another test class. */
    @BeforeEach
    void noDefaultCaller() {
        Callers.reset();
    }

    @Test
    void everyEndpointAnswersEveryCallerAsDesigned() {
        String kept = entry("Matrix Kept " + UUID.randomUUID());
        String delisted = entry("Matrix Delisted " + UUID.randomUUID());
        String version = asAdmin().get("/api/v1/entities/" + kept).then().statusCode(200)
                .extract().path("listVersion");
        String changeRequest = asAdmin().queryParam("size", 1).get("/api/v1/audit/requests").then().statusCode(200)
                .extract().path("items[0].id");
        String unchangedEntry = "{\"name\": \"" + name(kept) + "\", \"type\": \"PERSON\"}";
        byte[] ftm = resource("/imports/ftm/entities.ftm.json");

        AccessMatrix matrix = AccessMatrix.of(
                to("POST", "/api/v1/screen").json("{\"name\": \"Matrix Probe Trading\"}")
                        .allows(200, OFFICER, ADMIN),
                to("POST", "/api/v1/screen/batch").json("[{\"name\": \"Matrix Probe Trading\"}]")
                        .allows(200, OFFICER, ADMIN),
                to("POST", "/api/v1/imports").path("/api/v1/imports?format=ftm-json&dataset=access_matrix")
                        .request(spec -> spec.multiPart("file", "entities.ftm.json", ftm, "application/x-ndjson"))
                        .allows(200, ADMIN),
                // The other method of the route: any body but multipart is refused with a 400 saying how to send.
                to("POST", "/api/v1/imports").path("/api/v1/imports?format=ftm-json").json("{}")
                        .allows(400, ADMIN),
                to("POST", "/api/v1/entities").json("{\"name\": \"Matrix Created " + UUID.randomUUID()
                        + "\", \"type\": \"PERSON\"}").allows(201, ADMIN),
                to("GET", "/api/v1/entities").path("/api/v1/entities?size=1").allows(200, ADMIN, OFFICER),
                to("GET", "/api/v1/entities/{id}").path("/api/v1/entities/" + kept).allows(200, ADMIN, OFFICER),
                to("PUT", "/api/v1/entities/{id}").path("/api/v1/entities/" + kept).json(unchangedEntry)
                        .allows(200, ADMIN),
                to("DELETE", "/api/v1/entities/{id}").path("/api/v1/entities/" + delisted).allows(200, ADMIN),
                to("GET", "/api/v1/lists/versions").allows(200, ADMIN, OFFICER, OPERATOR),
                to("GET", "/api/v1/lists/versions/{id}").path("/api/v1/lists/versions/" + version)
                        .allows(200, ADMIN, OFFICER, OPERATOR),
                to("GET", "/api/v1/audit").path("/api/v1/audit?entityId=" + kept).allows(200, ADMIN),
                to("GET", "/api/v1/audit/requests").allows(200, ADMIN),
                to("GET", "/api/v1/audit/requests/{id}").path("/api/v1/audit/requests/" + changeRequest)
                        .allows(200, ADMIN));

        Set<String> endpoints = SecuredEndpoints.in(Path.of("target", "classes")).stream()
                .map(SecuredEndpoints.Endpoint::route).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(endpoints, matrix.routes(), "every endpoint has a row");
        assertEquals(List.of(), matrix.wrongCells());
    }

    /** A made-up id answers its designed 404 to the roles that may read, 403 to the others, 401 without a token. */
    @Test
    void unknownIdsAnswer404OnlyToTheRolesThatMayAsk() {
        String unknown = UUID.randomUUID().toString();
        AccessMatrix matrix = AccessMatrix.of(
                to("GET", "/api/v1/entities/{id}").path("/api/v1/entities/" + unknown).allows(404, ADMIN, OFFICER),
                to("DELETE", "/api/v1/entities/{id}").path("/api/v1/entities/" + unknown).allows(404, ADMIN),
                to("GET", "/api/v1/lists/versions/{id}").path("/api/v1/lists/versions/1999-01-01.0001")
                        .allows(404, ADMIN, OFFICER, OPERATOR),
                to("GET", "/api/v1/audit/requests/{id}").path("/api/v1/audit/requests/" + unknown).allows(404, ADMIN));
        assertEquals(List.of(), matrix.wrongCells());
    }

    private static String entry(String name) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("name", name, "type", "PERSON"))
                .post("/api/v1/entities").then().statusCode(201).extract().path("entityId");
    }

    private static String name(String entityId) {
        return asAdmin().get("/api/v1/entities/" + entityId).then().statusCode(200).extract().path("name");
    }

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().header(Callers.AUTHORIZATION, Callers.bearer(TestTokens.registryAdmin()));
    }

    private static byte[] resource(String path) {
        try (InputStream in = AccessMatrixTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
