package io.chokepoint.registry.screening;

import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ScreenApiTest {

    @BeforeEach
    void asRegistryAdmin() {
        Callers.byDefault(TestTokens.registryAdmin());
    }

    @AfterEach
    void resetCaller() {
        Callers.reset();
    }

    @Inject
    SuppressionRegistry suppressions;
    @Inject
    ScreeningConfig config;

    @Test
    void findsACreatedEntityByAVariedNameAndForgetsItOnceDelisted() {
        String word = madeUpWord();
        String id = create("Zhejiang " + word + " Biotechnology Co., Ltd.", List.of("CN"));

        given().contentType(ContentType.JSON)
                .body(Map.of("name", word.toUpperCase() + " BIOTECHNOLOGY ZHEJIANG COMPANY LIMITED", "type", "ORGANIZATION",
                        "country", "CN"))
                .post("/api/v1/screen").then().statusCode(200)
                .body("listVersion", matchesPattern("\\d{4}-\\d{2}-\\d{2}\\.\\d{4,}"))
                .body("matches.entityId", hasItem(id))
                .body("matches.find { it.entityId == '" + id + "' }.score", greaterThanOrEqualTo(0.85f))
                .body("matches.find { it.entityId == '" + id + "' }.source", equalTo("MANUAL"))
                .body("matches.find { it.entityId == '" + id + "' }.programs", hasItem("SDNTK"))
                .body("matches.find { it.entityId == '" + id + "' }.explanation", containsString("country CN agrees"));

        given().delete("/api/v1/entities/" + id).then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("name", "Zhejiang " + word + " Biotechnology Co., Ltd."))
                .post("/api/v1/screen").then().statusCode(200)
                .body("matches.entityId", not(hasItem(id)));
    }

    @Test
    void screensABatch() {
        String word = madeUpWord();
        String id = create(word + " Tableting Machinery Ltd", List.of());
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("name", word + " Tabletting Machinery"), Map.of("name", "Nobody At All Here")))
                .post("/api/v1/screen/batch").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].matches.entityId", hasItem(id))
                .body("[1].matches", hasSize(0));
    }

    @Test
    void honoursThresholdAndLimit() {
        String word = madeUpWord();
        String id = create(word + " Pharma Group", List.of());
        given().contentType(ContentType.JSON).body(Map.of("name", word + " Pharma", "threshold", 0.99))
                .post("/api/v1/screen").then().statusCode(200).body("matches.entityId", not(hasItem(id)));
        given().contentType(ContentType.JSON).body(Map.of("name", word + " Pharma", "threshold", 0.5, "limit", 1))
                .post("/api/v1/screen").then().statusCode(200).body("matches", hasSize(1));
    }

    @Test
    void doesNotReportASuppressedPair() {
        String word = madeUpWord();
        String id = create(word + " Logistics S.A. de C.V.", List.of("MX"));
        given().contentType(ContentType.JSON).body(Map.of("name", word + " Logistics"))
                .post("/api/v1/screen").then().body("matches.entityId", hasItem(id));
        suppressions.suppress(word + " LOGISTICS", UUID.fromString(id), "a namesake in Peru", "test");
        given().contentType(ContentType.JSON).body(Map.of("name", "Logistics " + word))
                .post("/api/v1/screen").then().body("matches.entityId", not(hasItem(id)));
    }

    @Test
    void rejectsInvalidQueries() {
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "SHIP", "country", "XX", "threshold", 2, "limit", 0,
                        "identifiers", List.of(Map.of("scheme", "IMO"))))
                .post("/api/v1/screen").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "type", "country", "threshold", "limit",
                        "identifiers[0].value"));
        given().contentType(ContentType.JSON).body(List.of(Map.of("name", "ok"), Map.of("type", "ANY")))
                .post("/api/v1/screen/batch").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("[1].name"));
        given().contentType(ContentType.JSON).body("[{\"name\": 3}, {\"name\": {}}]")
                .post("/api/v1/screen/batch").then().statusCode(400)
                .body("errors[0].field", equalTo("[1].name"));
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .post("/api/v1/screen").then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void boundsTheNameAndIdentifiersOfAQuery() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "N".repeat(config.maxNameLength() + 1),
                        "identifiers", List.of(Map.of("scheme", "IMO",
                                "value", "9".repeat(config.maxIdentifierLength() + 1)))))
                .post("/api/v1/screen").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "identifiers[0].value"))
                .body("errors[0].message", equalTo("is longer than " + config.maxNameLength() + " characters"));
        List<Map<String, String>> many = Collections.nCopies(config.maxIdentifiers() + 1,
                Map.of("scheme", "IMO", "value", "9319466"));
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("name", "ok"), Map.of("name", "ok", "identifiers", many)))
                .post("/api/v1/screen/batch").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("[1].identifiers"));
        given().contentType(ContentType.JSON).body(Map.of("name", "N".repeat(config.maxNameLength())))
                .post("/api/v1/screen").then().statusCode(200);
        List<Map<String, String>> batch = Collections.nCopies(config.maxBatchSize() + 1, Map.of("name", "x"));
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/screen/batch").then().statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("at most " + config.maxBatchSize()));
    }

    private static String create(String name, List<String> countries) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "ORGANIZATION", "countries", countries, "programs", List.of("SDNTK")))
                .post("/api/v1/entities").then().statusCode(201).extract().path("entityId");
    }

    /** A word no other test uses, so that each test's entity matches only its own queries. */
    private static String madeUpWord() {
        StringBuilder word = new StringBuilder("K");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
