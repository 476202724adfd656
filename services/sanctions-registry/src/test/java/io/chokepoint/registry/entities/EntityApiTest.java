package io.chokepoint.registry.entities;

import io.chokepoint.registry.RegistryAdmins;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class EntityApiTest {

    @Inject
    EntityLimits limits;

    private static final String VERSION_ID = "\\d{4}-\\d{2}-\\d{2}\\.\\d{4,}";

    @BeforeEach
    void asRegistryAdmin() {
        Callers.byDefault(TestTokens.registryAdmin());
    }

    @AfterEach
    void resetCaller() {
        Callers.reset();
    }

    @Test
    void createsReadsChangesAndDelistsAManualEntry() {
        String name = "Korvath Fine Chemical " + UUID.randomUUID().toString().substring(0, 8) + " Co., Ltd.";
        String id = create(Map.of("name", name, "type", "organization",
                "aliases", List.of("Korvath Chem", Map.of("name", "KFC", "strength", "weak")),
                "countries", List.of("cn"), "programs", List.of("SDNTK"),
                "identifiers", List.of(Map.of("scheme", "USCI", "value", "91320000MA1XXXXX")),
                "remarks", "test entry"), "alice")
                .body("source", equalTo("MANUAL"))
                .body("sourceId", matchesPattern("MAN-\\d{6}"))
                .body("type", equalTo("ORGANIZATION"))
                .body("status", equalTo("LISTED"))
                .body("countries", contains("CN"))
                .body("aliases.strength", contains("STRONG", "WEAK"))
                .body("listVersion", matchesPattern(VERSION_ID))
                .extract().path("entityId");

        given().get("/api/v1/entities/" + id).then().statusCode(200).body("name", equalTo(name));
        given().queryParam("name", name.substring(8, 30).toUpperCase()).queryParam("source", "MANUAL")
                .get("/api/v1/entities").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].entityId", equalTo(id));

        String created = version(id);
        String changed = given().contentType(ContentType.JSON)
                .header(Callers.AUTHORIZATION, RegistryAdmins.bearer("bob"))
                .body(Map.of("name", name, "type", "ORGANIZATION", "countries", List.of("CN", "HK")))
                .put("/api/v1/entities/" + id).then().statusCode(200)
                .body("countries", contains("CN", "HK")).body("aliases.size()", equalTo(0))
                .extract().path("listVersion");
        assertNotEquals(created, changed);

        given().contentType(ContentType.JSON).body(Map.of("name", name, "type", "ORGANIZATION", "countries", List.of("CN", "HK")))
                .put("/api/v1/entities/" + id).then().statusCode(200).body("listVersion", equalTo(changed));

        String delisted = given().header(Callers.AUTHORIZATION, RegistryAdmins.bearer("carol"))
                .delete("/api/v1/entities/" + id).then().statusCode(200)
                .body("status", equalTo("DELISTED")).body("delistedAt", notNullValue())
                .extract().path("listVersion");
        given().delete("/api/v1/entities/" + id).then().statusCode(200).body("listVersion", equalTo(delisted));
        given().get("/api/v1/entities/" + id).then().statusCode(200).body("status", equalTo("DELISTED"));
        given().queryParam("status", "DELISTED").queryParam("name", name).get("/api/v1/entities").then()
                .body("total", equalTo(1));
        given().queryParam("status", "LISTED").queryParam("name", name).get("/api/v1/entities").then()
                .body("total", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("name", name, "type", "ORGANIZATION"))
                .put("/api/v1/entities/" + id).then().statusCode(409).body("message", notNullValue());

        auditShowsEveryChange(id);
        versionsCountEveryChange(List.of(created, changed, delisted));
    }

    private void auditShowsEveryChange(String id) {
        given().queryParam("entityId", id).get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.action", contains("DELISTED", "CHANGED", "CREATED"))
                .body("items.actor", contains("carol", "bob", "alice"))
                .body("items[2].before", nullValue())
                .body("items[2].after.countries", contains("CN"))
                .body("items[1].before.countries", contains("CN"))
                .body("items[1].after.countries", contains("CN", "HK"))
                .body("items[0].before.status", equalTo("LISTED"))
                .body("items[0].after.status", equalTo("DELISTED"))
                .body("items.at", everyItem(notNullValue()));
        given().get("/api/v1/audit").then().statusCode(200).body("items.entityId", hasItem(id));
    }

    private void versionsCountEveryChange(List<String> ids) {
        ValidatableResponse versions = given().queryParam("size", 500).get("/api/v1/lists/versions").then()
                .statusCode(200).body("items.listVersion", hasItem(ids.get(0)));
        List<Map<String, Object>> items = versions.extract().path("items");
        List<Map<String, Object>> mine = items.stream().filter(v -> ids.contains(v.get("listVersion"))).toList();
        // Newest first: delisting, change, creation.
        assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)), mine.stream().map(v -> v.get("listVersion")).toList());
        assertEquals(List.of(0, 0, 1), mine.stream().map(v -> v.get("added")).toList());
        assertEquals(List.of(0, 1, 0), mine.stream().map(v -> v.get("changed")).toList());
        assertEquals(List.of(1, 0, 0), mine.stream().map(v -> v.get("removed")).toList());
        assertTrue(mine.stream().allMatch(v -> "MANUAL".equals(v.get("source"))));
        assertEquals(List.of("carol", "bob", "alice"), mine.stream().map(v -> v.get("actor")).toList());
        assertTrue(((Number) mine.get(0).get("seq")).longValue() > ((Number) mine.get(2).get("seq")).longValue());
        given().get("/api/v1/lists/versions/" + ids.get(0)).then().statusCode(200).body("added", equalTo(1));
    }

    @Test
    void namesTheTokensPrincipalWhateverAnXActorHeaderSays() {
        String id = given().contentType(ContentType.JSON).header("X-Actor", "mallory")
                .body(Map.of("name", "Header Actor Entry " + UUID.randomUUID(), "type", "PERSON"))
                .post("/api/v1/entities").then().statusCode(201).extract().path("entityId");
        given().queryParam("entityId", id).get("/api/v1/audit").then().statusCode(200)
                .body("items[0].actor", equalTo("registry-admin-test"));
        String version = version(id);
        given().get("/api/v1/lists/versions/" + version).then().statusCode(200)
                .body("actor", equalTo("registry-admin-test"));
    }

    @Test
    void rejectsInvalidEntriesNamingEveryProblem() {
        given().contentType(ContentType.JSON).body(Map.of("countries", List.of("CN", "ZZ"),
                        "identifiers", List.of(Map.of("scheme", "USCI")), "aliases", List.of(Map.of("strength", "medium")),
                        "listedOn", "yesterday"))
                .post("/api/v1/entities").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "type", "countries[1]", "identifiers[0].value",
                        "aliases[0].name", "aliases[0].strength", "listedOn"));
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "type", "SHIP"))
                .post("/api/v1/entities").then().statusCode(400)
                .body("errors[0].field", equalTo("type")).body("errors[0].message", notNullValue());
    }

    @Test
    void boundsEveryTextAndListOfAnEntryNamingTheField() {
        String tooLongName = "N".repeat(limits.maxNameLength() + 1);
        String tooLongIdentifier = "9".repeat(limits.maxIdentifierLength() + 1);
        Map<String, Object> entry = new HashMap<>();
        entry.put("name", tooLongName);
        entry.put("type", "ORGANIZATION");
        entry.put("aliases", List.of("fine", Map.of("name", tooLongName)));
        entry.put("programs", List.of("P".repeat(limits.maxProgramLength() + 1)));
        entry.put("identifiers", List.of(Map.of("scheme", "S".repeat(limits.maxIdentifierLength() + 1),
                "value", tooLongIdentifier)));
        entry.put("addresses", List.of(Map.of("street", "s".repeat(limits.maxAddressLength() + 1), "city", "Ok",
                "postalCode", "1".repeat(limits.maxAddressLength() + 1))));
        entry.put("remarks", "r".repeat(limits.maxRemarksLength() + 1));
        entry.put("countries", Collections.nCopies(limits.maxListSize() + 1, "CN"));
        given().contentType(ContentType.JSON).body(entry).post("/api/v1/entities").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "aliases[1].name", "programs[0]",
                        "identifiers[0].scheme", "identifiers[0].value", "addresses[0].street",
                        "addresses[0].postalCode", "remarks", "countries"))
                .body("errors.find { it.field == 'name' }.message",
                        equalTo("is longer than " + limits.maxNameLength() + " characters"))
                .body("errors.find { it.field == 'countries' }.message", equalTo("holds "
                        + (limits.maxListSize() + 1) + " elements, at most " + limits.maxListSize() + " are allowed"));

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Nul\u0000Chemicals", "type", "ORGANIZATION", "remarks", "a\u0000b"))
                .post("/api/v1/entities").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "remarks"))
                .body("errors[0].message", equalTo("must not contain the NUL character (\\u0000)"));

        Map<String, Object> atTheLimits = Map.of("name", "N".repeat(limits.maxNameLength() - 8)
                        + UUID.randomUUID().toString().substring(0, 8), "type", "ORGANIZATION",
                "remarks", "r".repeat(limits.maxRemarksLength()),
                "identifiers", List.of(Map.of("scheme", "S".repeat(limits.maxIdentifierLength()),
                        "value", "9".repeat(limits.maxIdentifierLength()))));
        create(atTheLimits, "limits");
    }

    @Test
    void answersMalformedJsonInTheErrorsShape() {
        given().contentType(ContentType.JSON).body("{\"name\": \"X\", ").post("/api/v1/entities").then()
                .statusCode(400).body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body("{\"name\": \"X\", \"type\": \"PERSON\", \"aliases\": 5}")
                .post("/api/v1/entities").then().statusCode(400).body("errors[0].field", equalTo("aliases"));
        given().contentType(ContentType.JSON).body("{\"name\": \"X\", \"type\": \"PERSON\", \"identifiers\": [{\"scheme\": []}]}")
                .post("/api/v1/entities").then().statusCode(400).body("errors[0].field", equalTo("identifiers[0].scheme"));
        given().contentType(ContentType.JSON).post("/api/v1/entities").then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void answersUnknownIdsWith404() {
        String unknown = UUID.randomUUID().toString();
        given().get("/api/v1/entities/" + unknown).then().statusCode(404).body("message", notNullValue());
        given().get("/api/v1/entities/not-a-uuid").then().statusCode(404);
        given().delete("/api/v1/entities/" + unknown).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "type", "PERSON"))
                .put("/api/v1/entities/" + unknown).then().statusCode(404);
        given().get("/api/v1/lists/versions/1999-01-01.0001").then().statusCode(404);
    }

    @Test
    void rejectsBadPagingAndFilters() {
        given().queryParam("size", 0).get("/api/v1/entities").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().queryParam("status", "GONE").get("/api/v1/entities").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().queryParam("entityId", "nope").get("/api/v1/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("entityId"));
        given().queryParam("page", -1).get("/api/v1/lists/versions").then().statusCode(400)
                .body("errors.field", not(hasItem("size")));
    }

    /** Creates an entry as the registry-admin named {@code actor}. */
    static ValidatableResponse create(Map<String, Object> body, String actor) {
        var request = given().contentType(ContentType.JSON).body(body)
                .header(Callers.AUTHORIZATION, RegistryAdmins.bearer(actor));
        return request.post("/api/v1/entities").then().statusCode(201)
                .header("Location", containsString("/api/v1/entities/")).body("entityId", notNullValue());
    }

    private static String version(String id) {
        return given().get("/api/v1/entities/" + id).then().extract().path("listVersion");
    }
}
