package io.chokepoint.monitor.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.monitor.support.AssessedTopic;
import io.chokepoint.monitor.support.Partners;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The catalog is a file here: it is replaced on request or when the file changes, and only when it is sound. */
@QuarkusTest
@TestProfile(CatalogFileProfile.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class CatalogReloadTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NEW_SYNONYM = "Phenethylpiperidone base, technical grade XP-7";

    private byte[] original;

    /** The operator reloads the catalog and reads which version is in force. */
    @BeforeEach
    void keepTheOriginal() throws IOException {
        Callers.byDefault(TestTokens.operator());
        original = Files.readAllBytes(CatalogFileProfile.CATALOG);
    }

    @AfterEach
    void putTheOriginalBack() throws IOException {
        try {
            write(original);
            given().post("/api/v1/catalog/reload").then().statusCode(200);
        } finally {
            Callers.reset();
        }
    }

    private static String version() {
        return given().get("/api/v1/catalog").then().statusCode(200).extract().path("version");
    }

    private static ObjectNode catalog() throws IOException {
        return (ObjectNode) MAPPER.readTree(CatalogFileProfile.CATALOG.toFile());
    }

    private static void write(JsonNode catalog) throws IOException {
        write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(catalog));
    }

    /** Written whole and moved into place, so that the watcher never reads half a file. */
    private static void write(byte[] catalog) throws IOException {
        Path next = CatalogFileProfile.CATALOG.resolveSibling("next.json");
        Files.write(next, catalog);
        Files.move(next, CatalogFileProfile.CATALOG, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static ObjectNode entry(ObjectNode catalog, String code) {
        for (JsonNode entry : catalog.withArray("entries")) {
            if (entry.get("code").asText().equals(code)) {
                return (ObjectNode) entry;
            }
        }
        throw new AssertionError(code);
    }

    @Test
    void theSameCatalogLaidOutDifferentlyIsNoChange() throws IOException {
        String version = version();
        write(MAPPER.writeValueAsBytes(MAPPER.readTree(original)));
        given().post("/api/v1/catalog/reload").then()
                .statusCode(200)
                .body("status", equalTo("UNCHANGED"))
                .body("version", equalTo(version));
    }

    @Test
    void theFileInForceIsServedAndAReloadOfTheSameFileChangesNothing() {
        String version = version();
        given().get("/api/v1/catalog").then()
                .body("location", equalTo(CatalogFileProfile.CATALOG.toString()))
                .body("sha256", org.hamcrest.Matchers.notNullValue());
        given().post("/api/v1/catalog/reload").then()
                .statusCode(200)
                .body("status", equalTo("UNCHANGED"))
                .body("version", equalTo(version));
    }

    @Test
    void aBadCatalogIsRefusedWithEveryProblemAndTheCurrentOneStays() throws IOException {
        String version = version();
        ObjectNode bad = catalog();
        bad.put("version", "bad-1");
        ObjectNode npp = entry(bad, "NPP");
        ((ObjectNode) npp.withArray("casNumbers").get(0)).put("cas", "39742-60-5");
        npp.putArray("sources");
        npp.put("synonym", "a misspelt key");
        write(bad);

        given().post("/api/v1/catalog/reload").then()
                .statusCode(422)
                .body("errors.field", hasItem("entries[0].synonym"));
        npp.remove("synonym");
        write(bad);
        given().post("/api/v1/catalog/reload").then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("entries[0].casNumbers[0].cas", "entries[0].sources"))
                .body("errors.message", hasItem(containsString("fails its check digit")));
        assertEquals(version, version());

        ObjectNode sameVersion = (ObjectNode) MAPPER.readTree(original);
        entry(sameVersion, "NPP").withArray("synonyms").add(NEW_SYNONYM);
        write(sameVersion);
        given().post("/api/v1/catalog/reload").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("version"))
                .body("errors[0].message", containsString("give it a new version"));
        assertEquals(version, version());
    }

    @Test
    void aChangedFileIsPutInForceAndItsVersionIsOnTheNextClassification() throws IOException {
        ObjectNode updated = catalog();
        updated.put("version", "2099.1.1");
        ArrayNode synonyms = entry(updated, "NPP").withArray("synonyms");
        synonyms.add(NEW_SYNONYM);
        write(updated);

        await().atMost(AssessedTopic.PATIENCE).until(() -> "2099.1.1".equals(version()));
        given().get("/api/v1/catalog").then()
                .body("entries.find { it.code == 'NPP' }.synonyms", hasItem(NEW_SYNONYM));

        ObjectNode event = TestEvents.npp();
        ((ObjectNode) event.withArray("goods").get(0)).put("description", NEW_SYNONYM).put("hsCode", "293399")
                .remove("casNumber");
        Partners.reporting(event).post("/api/v1/shipments").then().statusCode(202);
        JsonNode classification = AssessedTopic.awaitFor(event.get("eventId").asText())
                .at("/goods/0/classification");
        assertEquals("NPP", classification.get("itemCode").asText());
        assertEquals("2099.1.1", classification.get("catalogVersion").asText());
    }
}
