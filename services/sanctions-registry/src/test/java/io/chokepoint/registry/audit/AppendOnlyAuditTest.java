package io.chokepoint.registry.audit;

import io.chokepoint.registry.RegistryAdmins;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit tables refuse UPDATE, DELETE and TRUNCATE to the service's own database role, the schema's owner. Each
 * attempt runs in a transaction that is rolled back whatever happens, so that a missing trigger fails the test
 * without wiping the other tests' records.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class AppendOnlyAuditTest {

    private static final List<String> TABLES = List.of("audit_entry", "list_change_request");

    @BeforeEach
    void asRegistryAdmin() {
        Callers.byDefault(TestTokens.registryAdmin());
    }

    @AfterEach
    void resetCaller() {
        Callers.reset();
    }

    @ConfigProperty(name = "chokepoint.db.schema")
    String schema;

    @Test
    void refusesUpdateDeleteAndTruncateOnBothTables() throws SQLException {
        String actor = "append-only-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).header(Callers.AUTHORIZATION, RegistryAdmins.bearer(actor))
                .body(Map.of("name", "Append Only Probe " + UUID.randomUUID(), "type", "PERSON"))
                .post("/api/v1/entities").then().statusCode(201);
        long entries = count("audit_entry", actor);
        long requests = count("list_change_request", actor);
        assertEquals(1, entries);
        assertEquals(1, requests);

        for (String table : TABLES) {
            assertRefused(table, "update " + table + " set actor = 'someone else' where actor = '" + actor + "'");
            assertRefused(table, "update " + table + " set actor = actor where false");
            assertRefused(table, "delete from " + table + " where actor = '" + actor + "'");
            assertRefused(table, "truncate " + table + " cascade");
        }
        assertEquals(entries, count("audit_entry", actor));
        assertEquals(requests, count("list_change_request", actor));
    }

    private void assertRefused(String table, String sql) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertTrue(refused.getMessage().contains("on " + schema + "." + table
                        + " refused: audit records are append-only"), refused.getMessage());
                assertEquals("42501", refused.getSQLState(), "insufficient_privilege");
            } finally {
                connection.rollback();
            }
        }
    }

    /** A connection of its own, as the service's role: the owner of the schema. */
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static long count(String table, String actor) throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from " + table + " where actor = '"
                     + actor + "'")) {
            count.next();
            return count.getLong(1);
        }
    }
}
