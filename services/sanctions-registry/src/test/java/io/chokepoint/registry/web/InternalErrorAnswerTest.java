package io.chokepoint.registry.web;

import io.chokepoint.registry.RegistryAdmins;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failure of the database while a list changes answers 500 with a reference only: no stack trace, no SQL, no
 * database message. A trigger fails the insert of entities whose name starts with a marker.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class InternalErrorAnswerTest {

    private static final String MARKER = "Planted Failure";
    private static final String DATABASE_MESSAGE = "planted database failure in sanctioned_entity";
    private static final Pattern ANSWER = Pattern.compile("\\{\"message\":\"Internal error, reference"
            + " ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"}");

    @BeforeEach
    void plantFailure() throws SQLException {
        Callers.byDefault(TestTokens.registryAdmin());
        execute("create or replace function fail_planted_entities() returns trigger language plpgsql as $$"
                + " begin raise exception '" + DATABASE_MESSAGE + " (name %)', new.name; end $$");
        execute("drop trigger if exists fail_planted_entities on sanctioned_entity");
        execute("create trigger fail_planted_entities before insert on sanctioned_entity for each row"
                + " when (new.name like '" + MARKER + "%') execute function fail_planted_entities()");
    }

    @AfterEach
    void removeFailure() throws SQLException {
        Callers.reset();
        execute("drop trigger if exists fail_planted_entities on sanctioned_entity");
    }

    @Test
    void aManualEntryAnswersAReferenceAndIsRecordedAsFailed() {
        String actor = "failing-" + UUID.randomUUID();
        ExtractableResponse<Response> answer = given().contentType(ContentType.JSON)
                .header(Callers.AUTHORIZATION, RegistryAdmins.bearer(actor))
                .body(Map.of("name", MARKER + " Chemicals Ltd", "type", "ORGANIZATION"))
                .post("/api/v1/entities").then().statusCode(500).extract();
        String reference = referenceIn(answer);

        JsonPath recorded = recorded(actor);
        assertEquals(1, recorded.getInt("total"), "recorded under the token's principal");
        assertEquals("FAILED", recorded.getString("items[0].outcome"));
        assertEquals(500, recorded.getInt("items[0].status"));
        assertEquals("Internal error, reference " + reference, recorded.getString("items[0].message"));
        given().queryParam("name", MARKER).get("/api/v1/entities").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anImportAnswersAReferenceAndIsRecordedAsFailed() {
        String actor = "failing-" + UUID.randomUUID();
        String line = "{\"id\": \"pf-1\", \"schema\": \"Company\", \"properties\": {\"name\": [\"" + MARKER
                + " Co\"]}}\n";
        ExtractableResponse<Response> answer = given().header(Callers.AUTHORIZATION, RegistryAdmins.bearer(actor))
                .multiPart("file", "planted.ftm.json", line.getBytes(StandardCharsets.UTF_8), "application/x-ndjson")
                .queryParam("format", "ftm-json").queryParam("dataset", "planted_failure")
                .post("/api/v1/imports").then().statusCode(500).extract();
        String reference = referenceIn(answer);

        JsonPath recorded = recorded(actor);
        assertEquals(1, recorded.getInt("total"), "recorded under the token's principal");
        assertEquals("FAILED", recorded.getString("items[0].outcome"));
        assertEquals("Internal error, reference " + reference, recorded.getString("items[0].message"));
        assertEquals("planted.ftm.json", recorded.getString("items[0].files[0].fileName"));
    }

    private static String referenceIn(ExtractableResponse<Response> answer) {
        String body = answer.asString();
        Matcher matcher = ANSWER.matcher(body);
        assertTrue(matcher.matches(), "the whole answer is the reference: " + body);
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        for (String leak : List.of(DATABASE_MESSAGE, "insert", "sanctioned_entity", "Exception", "\tat ", MARKER)) {
            assertFalse(body.contains(leak), "leaks '" + leak + "': " + body);
        }
        return matcher.group(1);
    }

    private static JsonPath recorded(String actor) {
        return given().queryParam("actor", actor).get("/api/v1/audit/requests").then().statusCode(200)
                .extract().jsonPath();
    }

    private static void execute(String sql) throws SQLException {
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
