package io.chokepoint.registry.imports;

import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.Scrape;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * List imports on {@code /q/metrics}: each counted by format and outcome, the list version it made counted by source,
 * and the entity gauges of its source following it. The imports go into a dataset of their own, so the series of that
 * source are this test's alone.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ImportMetricsTest {

    private static final String DATASET = "metrics_probe";
    private static final String IMPORTS = "chokepoint_list_imports_total";
    private static final String LIST_VERSIONS = "chokepoint_list_versions_total";
    private static final String ENTITIES = "chokepoint_sanctioned_entities";
    private static final String FIRST = """
            {"id":"mp-1","schema":"Company","caption":"Probe Precursor Supplies Ltd","properties":{"country":["cn"]}}
            {"id":"mp-2","schema":"Person","caption":"Probe Ivanovich Sample","properties":{"nationality":["ru"]}}
            """;
    private static final String SECOND = """
            {"id":"mp-1","schema":"Company","caption":"Probe Precursor Supplies Ltd","properties":{"country":["cn"]}}
            """;

    @BeforeEach
    void asRegistryAdmin() {
        Callers.byDefault(TestTokens.registryAdmin());
    }

    @AfterEach
    void resetCaller() {
        Callers.reset();
    }

    @Test
    void importsAreCountedByFormatAndOutcomeAndTheirSourceByStatus() {
        Scrape before = Scrape.now();

        importFtm(FIRST).statusCode(200).body("listVersion", notNullValue());
        importFtm(FIRST).statusCode(200).body("listVersion", nullValue());
        Scrape first = Scrape.now();
        importFtm("{\"id\": \"mp-3\", \"schema\":").statusCode(400);
        given().multiPart("file", "x.json", bytes("{}"), "application/json").queryParam("format", "xlsx")
                .post("/api/v1/imports").then().statusCode(400);
        importFtm(SECOND).statusCode(200).body("removed", org.hamcrest.Matchers.equalTo(1));
        Scrape after = Scrape.now();

        assertEquals(2.0, after.since(before, IMPORTS, "format", "ftm-json", "outcome", "imported"));
        assertEquals(1.0, after.since(before, IMPORTS, "format", "ftm-json", "outcome", "unchanged"));
        assertEquals(1.0, after.since(before, IMPORTS, "format", "ftm-json", "outcome", "refused"));
        assertEquals(1.0, after.since(before, IMPORTS, "format", "unknown", "outcome", "refused"));
        assertEquals(1.0, first.value(LIST_VERSIONS, "source", DATASET), "the unchanged file made none");
        assertEquals(2.0, after.value(LIST_VERSIONS, "source", DATASET));
        assertEquals(2.0, first.value(ENTITIES, "source", DATASET, "status", "LISTED"));
        assertEquals(0.0, first.value(ENTITIES, "source", DATASET, "status", "DELISTED"));
        assertEquals(1.0, after.value(ENTITIES, "source", DATASET, "status", "LISTED"));
        assertEquals(1.0, after.value(ENTITIES, "source", DATASET, "status", "DELISTED"));
    }

    private static ValidatableResponse importFtm(String lines) {
        return given().multiPart("file", "probe.ftm.json", bytes(lines), "application/x-ndjson")
                .queryParam("format", "ftm-json").queryParam("dataset", DATASET)
                .post("/api/v1/imports").then();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
