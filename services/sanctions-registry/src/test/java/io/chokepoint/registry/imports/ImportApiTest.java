package io.chokepoint.registry.imports;

import io.chokepoint.model.Topics;
import io.chokepoint.registry.RegistryAdmins;
import io.chokepoint.registry.TopicWatch;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Imports through the API, on the real database and broker. The OFAC list is imported first, then changed. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportApiTest {

    private static final String VERSION_ID = "\\d{4}-\\d{2}-\\d{2}\\.\\d{4,}";
    /** The registry-admin the imports are signed by, and so the actor of their changes. */
    private static final String ACTOR = "list-keeper";
    private static final String NEW_ENT_NUM = "99000001";

    @BeforeEach
    void asRegistryAdmin() {
        Callers.byDefault(TestTokens.registryAdmin());
    }

    @AfterEach
    void resetCaller() {
        Callers.reset();
    }

    @Test
    @Order(1)
    void importsTheRealOfacSnapshotThenOnlyWhatChanges() {
        // Timed: the HTTP exchange only (upload, parse, diff, write, commit, index), not the assertions.
        RequestSpecification request = ofacRequest(ofacSdn(), ofacAlt(), ofacAdd());
        long started = System.nanoTime();
        Response response = request.post("/api/v1/imports");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Import of the full OFAC snapshot (8,976 entries) through the API: %d ms%n", millis);
        ValidatableResponse first = response.then().statusCode(200)
                .body("source", equalTo("OFAC-SDN")).body("format", equalTo("ofac-csv"))
                .body("entries", equalTo(8976)).body("added", equalTo(8976)).body("changed", equalTo(0))
                .body("removed", equalTo(0)).body("unchanged", equalTo(0))
                .body("listVersion", matchesPattern(VERSION_ID))
                .body("changes", hasSize(100)).body("changesTruncated", equalTo(true));
        // Seconds, not minutes, even on a loaded build machine; the log line "Imported ..." splits parse and apply.
        assertTrue(millis < 60_000, "the full OFAC import took " + millis + " ms");
        String version = first.extract().path("listVersion");
        given().get("/api/v1/lists/versions/" + version).then().statusCode(200)
                .body("source", equalTo("OFAC-SDN")).body("actor", equalTo(ACTOR)).body("added", equalTo(8976))
                .body("description", containsString("sdn.csv"));
        given().queryParam("source", "OFAC-SDN").queryParam("status", "LISTED").queryParam("size", 1)
                .get("/api/v1/entities").then().body("total", equalTo(8976));

        request = ofacRequest(ofacSdn(), ofacAlt(), ofacAdd());
        started = System.nanoTime();
        response = request.post("/api/v1/imports");
        System.out.printf("Re-import of the same snapshot: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        response.then().statusCode(200)
                .body("listVersion", nullValue()).body("added", equalTo(0)).body("changed", equalTo(0))
                .body("removed", equalTo(0)).body("unchanged", equalTo(8976)).body("changes", hasSize(0));
        assertEquals(version, latestVersion("OFAC-SDN"), "re-importing the same file makes no version");
    }

    @Test
    @Order(2)
    void findsImportedEntitiesByScreening() {
        screen(Map.of("name", "Qinsheng Pharmaceutical Technology Co Ltd", "type", "ORGANIZATION", "country", "CN"))
                .body("matches[0].source", equalTo("OFAC-SDN")).body("matches[0].sourceId", equalTo("26325"))
                .body("matches[0].programs", contains("SDNTK"));
        screen(Map.of("name", "Fujing Zheng", "type", "PERSON"))
                .body("matches.sourceId", hasItem("26236"));
        screen(Map.of("name", "Unrelated Person", "identifiers", List.of(Map.of("scheme", "Passport", "value", "G31920875"))))
                .body("matches[0].sourceId", equalTo("26236"));
    }

    @Test
    @Order(3)
    void importsAChangedCopyAsOneAddedOneChangedOneRemoved() throws Exception {
        String removedId = entityId("36");
        String changedId = entityId("26325");
        try (TopicWatch entities = TopicWatch.of(Topics.SANCTIONS_ENTITIES)) {
            ValidatableResponse report = importOfac(modifiedSdn(), withoutEntry(ofacAlt(), "36"),
                    withoutEntry(ofacAdd(), "36") + NEW_ENT_NUM + ",99000002,\"No. 8 Industrial Road\",\"Huizhou\",\"China\",-0- \r\n")
                    .statusCode(200)
                    .body("added", equalTo(1)).body("changed", equalTo(1)).body("removed", equalTo(1))
                    .body("unchanged", equalTo(8974)).body("changesTruncated", equalTo(false))
                    .body("changes.action", contains("ADDED", "CHANGED", "REMOVED"))
                    .body("changes.sourceId", contains(NEW_ENT_NUM, "26325", "36"))
                    .body("changes[2].entityId", equalTo(removedId));
            String version = report.extract().path("listVersion");
            String addedId = report.extract().path("changes[0].entityId");

            given().get("/api/v1/entities/" + removedId).then().statusCode(200)
                    .body("status", equalTo("DELISTED")).body("delistedAt", notNullValue())
                    .body("name", equalTo("AEROCARIBBEAN AIRLINES")).body("listVersion", equalTo(version));
            given().get("/api/v1/entities/" + changedId).then()
                    .body("programs", contains("SDNTK", "ILLICIT-DRUGS-EO14059"));
            given().get("/api/v1/entities/" + addedId).then()
                    .body("name", equalTo("YASON GENERAL MACHINERY CO., LTD.")).body("countries", contains("CN"));
            given().get("/api/v1/lists/versions/" + version).then()
                    .body("added", equalTo(1)).body("changed", equalTo(1)).body("removed", equalTo(1));

            audited(removedId, "DELISTED", version);
            audited(changedId, "CHANGED", version)
                    .body("items[0].before.programs", contains("SDNTK"))
                    .body("items[0].after.programs", contains("SDNTK", "ILLICIT-DRUGS-EO14059"));
            audited(addedId, "CREATED", version).body("items[0].before", nullValue());

            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(60))
                    .until(() -> entities.withKey(removedId), r -> r.size() >= 3);
            assertTrue(records.get(records.size() - 2).value().contains("\"DELISTED\""));
            assertNull(records.get(records.size() - 1).value(), "a tombstone ends the delisted entity");
            await().atMost(Duration.ofSeconds(60)).until(() -> !entities.withKey(addedId).isEmpty());

            screen(Map.of("name", "Yason General Machinery", "type", "ORGANIZATION"))
                    .body("matches[0].entityId", equalTo(addedId));
            screen(Map.of("name", "Aerocaribbean Airlines")).body("matches.entityId", not(hasItem(removedId)));
        }

        // The original file again: the delisted entry is listed again (same entity, history kept).
        importOfac(ofacSdn(), ofacAlt(), ofacAdd()).statusCode(200)
                .body("added", equalTo(1)).body("changed", equalTo(1)).body("removed", equalTo(1))
                .body("changes.sourceId", contains("36", "26325", NEW_ENT_NUM));
        given().get("/api/v1/entities/" + removedId).then().body("status", equalTo("LISTED"))
                .body("delistedAt", nullValue());
        given().queryParam("entityId", removedId).get("/api/v1/audit").then()
                .body("items.action", contains("RELISTED", "DELISTED", "CREATED"));
        screen(Map.of("name", "Aerocaribbean Airlines")).body("matches.entityId", hasItem(removedId));
    }

    @Test
    @Order(4)
    void refusesBrokenOfacFilesAndLeavesTheListAsItWas() {
        long listed = listedCount("OFAC-SDN");
        String version = latestVersion("OFAC-SDN");
        String[] lines = ofacSdn().split("\r\n");
        lines[2] = lines[2].substring(0, 30);
        importOfac(String.join("\r\n", lines), ofacAlt(), ofacAdd()).statusCode(400)
                .body("errors[0].field", equalTo("sdn"))
                .body("errors[0].message", startsWith("line 3 has 3 fields where 12 are expected"))
                .body("errors[0].message", containsString("'306,\"BANCO NACIONAL DE CUBA\",-'"));

        String unreadableLast = withoutEntry(ofacSdn(), "36") + "36,\"AEROCARIBBEAN AIRLINES\r\n";
        importOfac(unreadableLast, ofacAlt(), ofacAdd()).statusCode(400)
                .body("errors[0].message", startsWith("line 8976: a quoted field is not closed"));

        given().multiPart("sdn", "sdn.csv", bytes(ofacSdn()), "text/csv")
                .multiPart("alt", "alt.csv", bytes(ofacAlt()), "text/csv")
                .queryParam("format", "ofac-csv").post("/api/v1/imports").then().statusCode(400)
                .body("errors.field", contains("add")).body("errors[0].message", startsWith("is required"));

        importOfac(ImportFiles.text("un/consolidated-excerpt.xml"), ofacAlt(), ofacAdd()).statusCode(400)
                .body("errors[0].message", containsString("is XML, not OFAC CSV"));

        assertEquals(listed, listedCount("OFAC-SDN"));
        assertEquals(version, latestVersion("OFAC-SDN"));
    }

    @Test
    @Order(5)
    void refusesAFileOverTheSizeLimitWith413() {
        byte[] huge = new byte[7 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        given().multiPart("file", "big.xml", huge, "application/xml").queryParam("format", "un-xml")
                .post("/api/v1/imports").then().statusCode(413)
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("over the limit of 6291456 bytes"));
    }

    @Test
    @Order(6)
    void refusesUnknownFormatsAndMismatchedParts() {
        given().multiPart("file", "x.json", bytes("{}"), "application/json").queryParam("format", "xlsx")
                .post("/api/v1/imports").then().statusCode(400)
                .body("errors[0].field", equalTo("format"))
                .body("errors[0].message", equalTo("must be one of [ofac-csv, un-xml, ftm-json], got 'xlsx'"));
        given().multiPart("file", "x.json", bytes("{}"), "application/json")
                .post("/api/v1/imports").then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().contentType(ContentType.JSON).body("{}").queryParam("format", "un-xml")
                .post("/api/v1/imports").then().statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", startsWith("must be multipart/form-data"));
        given().multiPart("sdn", "sdn.csv", bytes(ofacSdn()), "text/csv").queryParam("format", "un-xml")
                .post("/api/v1/imports").then().statusCode(400)
                .body("errors.field", contains("sdn", "file"));
        given().multiPart("file", "sdn.csv", bytes(ofacSdn()), "text/csv").queryParam("format", "un-xml")
                .post("/api/v1/imports").then().statusCode(400)
                .body("errors[0].message", startsWith("is not well-formed XML at line 1, column 1"));
    }

    @Test
    @Order(7)
    void importsTheUnListAndRefusesMalformedXmlWithoutChangingIt() {
        byte[] excerpt = ImportFiles.bytes("un/consolidated-excerpt.xml");
        importFile("un-xml", excerpt).statusCode(200)
                .body("source", equalTo("UN-SC")).body("entries", equalTo(60));
        importFile("un-xml", excerpt).statusCode(200).body("listVersion", nullValue()).body("unchanged", equalTo(60));
        assertEquals(60, listedCount("UN-SC"));
        given().queryParam("source", "UN-SC").queryParam("name", "KAKOLELE").get("/api/v1/entities").then()
                .body("items[0].sourceId", equalTo("CDi.002")).body("items[0].listedOn", equalTo("2005-11-01"))
                .body("items[0].aliases.name", hasItem("AIGLE BLANC"));
        screen(Map.of("name", "Frank Kakorere", "type", "PERSON")).body("matches.sourceId", hasItem("CDi.002"));

        String version = latestVersion("UN-SC");
        byte[] truncated = Arrays.copyOf(excerpt, 50_000);
        importFile("un-xml", truncated).statusCode(400)
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", matchesPattern("is not well-formed XML at line \\d+, column \\d+: .+"));
        assertEquals(60, listedCount("UN-SC"));
        assertEquals(version, latestVersion("UN-SC"));
    }

    @Test
    @Order(8)
    void importsFollowTheMoneyEntitiesIntoTheirDataset() {
        byte[] ftm = ImportFiles.bytes("ftm/entities.ftm.json");
        given().multiPart("file", "entities.ftm.json", ftm, "application/x-ndjson")
                .queryParam("format", "ftm-json").queryParam("dataset", "eu_fsf")
                .header(Callers.AUTHORIZATION, RegistryAdmins.bearer(ACTOR))
                .post("/api/v1/imports").then().statusCode(200)
                .body("source", equalTo("eu_fsf")).body("added", equalTo(6));
        assertEquals(6, listedCount("eu_fsf"));
        given().multiPart("file", "entities.ftm.json", ftm, "application/x-ndjson")
                .queryParam("format", "ftm-json").queryParam("dataset", "eu_fsf")
                .post("/api/v1/imports").then().statusCode(200).body("unchanged", equalTo(6))
                .body("listVersion", nullValue());
        screen(Map.of("name", "Iranian Revolutionary Guard Corps")).body("matches.source", hasItem("eu_fsf"));
        given().multiPart("file", "entities.ftm.json", ftm, "application/x-ndjson")
                .queryParam("format", "ftm-json").queryParam("dataset", "OFAC-SDN")
                .post("/api/v1/imports").then().statusCode(400).body("errors[0].field", equalTo("dataset"));
    }

    private static ValidatableResponse importOfac(String sdn, String alt, String add) {
        return ofacRequest(sdn, alt, add).post("/api/v1/imports").then();
    }

    private static RequestSpecification ofacRequest(String sdn, String alt, String add) {
        return given().header(Callers.AUTHORIZATION, RegistryAdmins.bearer(ACTOR))
                .multiPart("sdn", "sdn.csv", bytes(sdn), "text/csv")
                .multiPart("alt", "alt.csv", bytes(alt), "text/csv")
                .multiPart("add", "add.csv", bytes(add), "text/csv")
                .queryParam("format", "ofac-csv");
    }

    private static ValidatableResponse importFile(String format, byte[] content) {
        RequestSpecification request = given().header(Callers.AUTHORIZATION, RegistryAdmins.bearer(ACTOR))
                .multiPart("file", "list." + format, content, "application/octet-stream");
        return request.queryParam("format", format).post("/api/v1/imports").then();
    }

    private static ValidatableResponse screen(Map<String, Object> query) {
        return given().contentType(ContentType.JSON).body(query).post("/api/v1/screen").then().statusCode(200);
    }

    private static ValidatableResponse audited(String entityId, String action, String version) {
        return given().queryParam("entityId", entityId).get("/api/v1/audit").then().statusCode(200)
                .body("items[0].action", equalTo(action)).body("items[0].actor", equalTo(ACTOR))
                .body("items[0].listVersion", equalTo(version));
    }

    private static String entityId(String sourceId) {
        List<Map<String, Object>> items = given().queryParam("source", "OFAC-SDN").queryParam("size", 500)
                .queryParam("name", sourceId.equals("36") ? "AEROCARIBBEAN" : "QINSHENG PHARMACEUTICAL TECH")
                .get("/api/v1/entities").then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> sourceId.equals(i.get("sourceId"))).map(i -> (String) i.get("entityId"))
                .findFirst().orElseThrow();
    }

    private static long listedCount(String source) {
        return ((Number) given().queryParam("source", source).queryParam("status", "LISTED").queryParam("size", 1)
                .get("/api/v1/entities").then().extract().path("total")).longValue();
    }

    private static String latestVersion(String source) {
        return given().queryParam("source", source).queryParam("size", 1).get("/api/v1/lists/versions").then()
                .extract().path("items[0].listVersion");
    }

    /** The snapshot less ent_num 36, with 26325 under a second program and a May 2023 designee added. */
    private static String modifiedSdn() {
        String sdn = withoutEntry(ofacSdn(), "36").replace(
                "26325,\"QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD.\",-0- ,\"SDNTK\",",
                "26325,\"QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD.\",-0- ,\"SDNTK] [ILLICIT-DRUGS-EO14059\",");
        return sdn + NEW_ENT_NUM + ",\"YASON GENERAL MACHINERY CO., LTD.\",-0- ,\"ILLICIT-DRUGS-EO14059\",-0- ,-0- ,"
                + "-0- ,-0- ,-0- ,-0- ,-0- ,\"Pill press manufacturer.\"\r\n";
    }

    /** The file without the lines of one ent_num and without its end-of-file marker. */
    private static String withoutEntry(String file, String entNum) {
        return Arrays.stream(file.split("\r\n")).filter(l -> !l.startsWith(entNum + ",") && !l.equals("\u001A"))
                .map(l -> l + "\r\n").collect(Collectors.joining());
    }

    private static String ofacSdn() {
        return ImportFiles.text("ofac/sdn.csv");
    }

    private static String ofacAlt() {
        return ImportFiles.text("ofac/alt.csv");
    }

    private static String ofacAdd() {
        return ImportFiles.text("ofac/add.csv");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
