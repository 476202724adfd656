package io.chokepoint.registry.audit;

import io.chokepoint.local.tokens.AccessToken;
import io.chokepoint.platform.security.Roles;
import io.chokepoint.registry.RegistryAdmins;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chokepoint.testing.Callers.AUTHORIZATION;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request to change the lists is recorded with who, what, when, from where and its outcome: applied with its
 * list version, unchanged, refused with its status and problems (written although the change rolled back). Who is
 * the token's principal; each test signs its changes as a registry-admin of its own name and reads the audit as the
 * default registry-admin.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ChangeRequestAuditTest {

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
    void recordsAppliedUnchangedAndRefusedManualChanges() {
        String actor = actor();
        Instant before = Instant.now();
        String name = "Audited Trading " + UUID.randomUUID().toString().substring(0, 8) + " Ltd";
        Map<String, Object> entry = Map.of("name", name, "type", "ORGANIZATION", "countries", List.of("CN"));
        var created = given().contentType(ContentType.JSON).header(AUTHORIZATION, as(actor)).body(entry)
                .post("/api/v1/entities").then().statusCode(201).extract();
        String id = created.path("entityId");
        String createdIn = created.path("listVersion");

        given().contentType(ContentType.JSON).header(AUTHORIZATION, as(actor)).body(entry)
                .put("/api/v1/entities/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).header(AUTHORIZATION, as(actor)).body(Map.of("type", "ORGANIZATION"))
                .put("/api/v1/entities/" + id).then().statusCode(400);
        String delistedIn = given().header(AUTHORIZATION, as(actor)).delete("/api/v1/entities/" + id).then()
                .statusCode(200)
                .extract().path("listVersion");
        given().header(AUTHORIZATION, as(actor)).delete("/api/v1/entities/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).header(AUTHORIZATION, as(actor)).body(entry)
                .put("/api/v1/entities/" + id).then().statusCode(409);
        String unknown = UUID.randomUUID().toString();
        given().header(AUTHORIZATION, as(actor)).delete("/api/v1/entities/" + unknown).then().statusCode(404);

        JsonPath requests = requests("actor", actor);
        assertEquals(7, requests.getInt("total"));
        assertEquals(List.of("DELIST", "CHANGE", "DELIST", "DELIST", "CHANGE", "CHANGE", "CREATE"),
                requests.getList("items.action"));
        assertEquals(List.of("REFUSED", "REFUSED", "UNCHANGED", "APPLIED", "REFUSED", "UNCHANGED", "APPLIED"),
                requests.getList("items.outcome"));
        assertEquals(List.of(404, 409, 200, 200, 400, 200, 201), requests.getList("items.status"));
        assertEquals(unknown, requests.getString("items[0].entityId"));
        assertTrue(requests.getString("items[0].message").contains(unknown), requests.getString("items[0].message"));
        assertTrue(requests.getString("items[1].message").contains("delisted"), requests.getString("items[1].message"));
        assertEquals(delistedIn, requests.getString("items[3].listVersion"));
        assertEquals(List.of("name"), requests.getList("items[4].problems.field"));
        assertEquals(createdIn, requests.getString("items[6].listVersion"));
        assertEquals("MANUAL", requests.getString("items[6].source"));
        for (int i = 1; i < 7; i++) {
            assertEquals(id, requests.getString("items[" + i + "].entityId"), "request " + i);
        }
        List<String> received = requests.getList("items.receivedAt");
        assertTrue(received.stream().map(Instant::parse).allMatch(at -> !at.isBefore(before.minusSeconds(1))),
                received.toString());
        List<String> addresses = requests.getList("items.remoteAddress");
        assertTrue(addresses.stream().allMatch(ChangeRequestAuditTest::isLoopback), addresses.toString());
        assertEquals(Collections.nCopies(7, actor), requests.getList("items.subject"));

        String creation = requests.getString("items[6].id");
        given().queryParam("requestId", creation).get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].action", equalTo("CREATED"))
                .body("items[0].entityId", equalTo(id)).body("items[0].requestId", equalTo(creation));
        given().queryParam("entityId", id).get("/api/v1/audit").then()
                .body("items.requestId", contains(requests.getString("items[3].id"), creation));
        given().get("/api/v1/audit/requests/" + creation).then().statusCode(200)
                .body("actor", equalTo(actor)).body("outcome", equalTo("APPLIED")).body("status", equalTo(201));
    }

    @Test
    void recordsTheTokensPrincipalAsActorOfAnAppliedAndARefusedChange() {
        String subject = "sub-" + UUID.randomUUID();
        String principal = "keeper." + UUID.randomUUID() + "@registry.example";
        String token = TestTokens.sign(AccessToken.of(subject, Roles.REGISTRY_ADMIN).claim("upn", principal));
        String name = "Principal Probe " + UUID.randomUUID().toString().substring(0, 8) + " GmbH";
        // The header once named the actor; it is not read any more, whatever it says.
        var applied = given().contentType(ContentType.JSON).header(AUTHORIZATION, Callers.bearer(token))
                .header("X-Actor", "mallory").body(Map.of("name", name, "type", "ORGANIZATION"))
                .post("/api/v1/entities").then().statusCode(201).extract();
        String id = applied.path("entityId");
        given().contentType(ContentType.JSON).header(AUTHORIZATION, Callers.bearer(token)).header("X-Actor", "mallory")
                .body(Map.of("name", name, "type", "SUBMARINE")).put("/api/v1/entities/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("type"));

        JsonPath requests = requests("actor", principal);
        assertEquals(List.of("REFUSED", "APPLIED"), requests.getList("items.outcome"));
        assertEquals(List.of(principal, principal), requests.getList("items.actor"));
        assertEquals(List.of(subject, subject), requests.getList("items.subject"));
        assertEquals(List.of("type"), requests.getList("items[0].problems.field"));
        assertEquals(0, requests("actor", "mallory").getInt("total"));
        given().queryParam("entityId", id).get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].actor", equalTo(principal))
                .body("items[0].requestId", equalTo(requests.getString("items[1].id")));
        given().get("/api/v1/lists/versions/" + applied.path("listVersion")).then().statusCode(200)
                .body("actor", equalTo(principal));
    }

    @Test
    void recordsAChangeRefusedForTheCallersRolesAsForbidden() {
        String entityName = "Delisting Target " + UUID.randomUUID().toString().substring(0, 8) + " Ltd";
        String entityId = given().contentType(ContentType.JSON).header(AUTHORIZATION, as(actor()))
                .body(Map.of("name", entityName, "type", "ORGANIZATION")).post("/api/v1/entities").then()
                .statusCode(201).extract().path("entityId");
        String officer = "officer-" + UUID.randomUUID();
        String officerSubject = "sub-" + UUID.randomUUID();
        String officerToken = TestTokens.sign(AccessToken.of(officerSubject, Roles.OFFICER).claim("upn", officer)
                .team(TestTokens.TEAM));

        Map<String, Object> listed = given().get("/api/v1/entities/" + entityId).then().statusCode(200)
                .body("status", equalTo("LISTED")).extract().jsonPath().getMap("");

        given().header(AUTHORIZATION, Callers.bearer(officerToken)).delete("/api/v1/entities/" + entityId)
                .then().statusCode(403);

        JsonPath requests = requests("actor", officer);
        assertEquals(1, requests.getInt("total"), "recorded once, before the answer left");
        assertEquals("FORBIDDEN", requests.getString("items[0].outcome"));
        assertEquals(403, requests.getInt("items[0].status"));
        assertEquals("DELIST", requests.getString("items[0].action"));
        assertEquals(entityId, requests.getString("items[0].entityId"));
        assertEquals(officer, requests.getString("items[0].actor"));
        assertEquals(officerSubject, requests.getString("items[0].subject"));
        assertTrue(isLoopback(requests.getString("items[0].remoteAddress")),
                requests.getString("items[0].remoteAddress"));
        assertEquals(ForbiddenChangeRequests.MESSAGE, requests.getString("items[0].message"));
        assertNull(requests.get("items[0].listVersion"));
        given().queryParam("actor", officer).queryParam("outcome", "forbidden").get("/api/v1/audit/requests").then()
                .statusCode(200).body("total", equalTo(1));
        // Nothing changed: the entity is listed as before, and no entity change names the request.
        assertEquals(listed, given().get("/api/v1/entities/" + entityId).then().statusCode(200)
                .body("name", equalTo(entityName)).body("status", equalTo("LISTED")).body("delistedAt", nullValue())
                .extract().jsonPath().getMap(""));
        given().queryParam("entityId", entityId).get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].action", equalTo("CREATED"));
        // Awaited: a second record of the same refusal could only come after the answer.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> requests("actor", officer).getInt("total"), total -> total == 1);
    }

    @Test
    void recordsEveryKindOfListChangeRefusedForTheCallersRoles() {
        String officer = "officer-" + UUID.randomUUID();
        String officerToken = TestTokens.sign(AccessToken.of(officer, Roles.OFFICER).team(TestTokens.TEAM));
        Map<String, Object> entry = Map.of("name", "Unauthorized Entry " + UUID.randomUUID(), "type", "PERSON");
        given().contentType(ContentType.JSON).header(AUTHORIZATION, Callers.bearer(officerToken)).body(entry)
                .post("/api/v1/entities").then().statusCode(403);
        given().contentType(ContentType.JSON).header(AUTHORIZATION, Callers.bearer(officerToken)).body(entry)
                .put("/api/v1/entities/not-an-id").then().statusCode(403);
        given().header(AUTHORIZATION, Callers.bearer(officerToken))
                .multiPart("file", "x.json", new byte[] {'{', '}'}, "application/json")
                .queryParam("format", "ftm-json").post("/api/v1/imports").then().statusCode(403);

        JsonPath requests = requests("actor", officer);
        assertEquals(List.of("IMPORT", "CHANGE", "CREATE"), requests.getList("items.action"));
        assertEquals(Collections.nCopies(3, "FORBIDDEN"), requests.getList("items.outcome"));
        assertEquals(List.of(403, 403, 403), requests.getList("items.status"));
        assertEquals(Arrays.asList(null, "not-an-id", null), requests.getList("items.entityId"));
        given().queryParam("name", entry.get("name")).get("/api/v1/entities").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void recordsNoRefusalOfAReadNorOfACallerWithoutAValidToken() {
        String from = Instant.now().toString();
        String operator = "operator-" + UUID.randomUUID();
        String operatorToken = TestTokens.sign(AccessToken.of(operator, Roles.OPERATOR));
        given().header(AUTHORIZATION, Callers.bearer(operatorToken)).get("/api/v1/entities").then().statusCode(403);
        given().contentType(ContentType.JSON).header(AUTHORIZATION, Callers.bearer(operatorToken))
                .body(Map.of("name", "Matrix Probe Trading")).post("/api/v1/screen").then().statusCode(403);
        Map<String, Object> entry = Map.of("name", "Unauthenticated Entry " + UUID.randomUUID(), "type", "PERSON");
        given().contentType(ContentType.JSON).header(AUTHORIZATION, "Bearer not-a-jwt").body(entry)
                .post("/api/v1/entities").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .header(AUTHORIZATION, Callers.bearer(TestTokens.expired(Roles.REGISTRY_ADMIN))).body(entry)
                .post("/api/v1/entities").then().statusCode(401);
        given().header(AUTHORIZATION, "Bearer not-a-jwt").delete("/api/v1/entities/" + UUID.randomUUID()).then()
                .statusCode(401);

        // A refusal may be recorded just after its answer: none may appear for a while, not only at once.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> requests("since", from).getInt("total"), total -> total == 0);
        assertEquals(0, requests("actor", operator).getInt("total"));
        given().queryParam("name", entry.get("name")).get("/api/v1/entities").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void cutsAnOverlongPrincipalAlikeInEveryRecord() {
        String overlong = actor() + "x".repeat(300);
        var created = given().contentType(ContentType.JSON).header(AUTHORIZATION, as(overlong))
                .body(Map.of("name", "Overlong Principal Entry " + UUID.randomUUID(), "type", "PERSON"))
                .post("/api/v1/entities").then().statusCode(201).extract();
        String cut = overlong.substring(0, 200);
        JsonPath requests = requests("actor", cut);
        assertEquals(1, requests.getInt("total"));
        assertEquals("APPLIED", requests.getString("items[0].outcome"));
        assertEquals(cut, requests.getString("items[0].subject"));
        given().queryParam("entityId", (String) created.path("entityId")).get("/api/v1/audit").then()
                .body("items[0].actor", equalTo(cut));
        given().get("/api/v1/lists/versions/" + created.path("listVersion")).then().body("actor", equalTo(cut));
    }

    @Test
    void recordsARequestRefusedBeforeItsEndpointRan() {
        String actor = actor();
        given().contentType(ContentType.JSON).header(AUTHORIZATION, as(actor)).body("{\"name\": \"X\", ")
                .post("/api/v1/entities").then().statusCode(400);
        JsonPath malformed = requests("actor", actor);
        assertEquals(1, malformed.getInt("total"));
        assertEquals("CREATE", malformed.getString("items[0].action"));
        assertEquals("REFUSED", malformed.getString("items[0].outcome"));
        assertEquals(400, malformed.getInt("items[0].status"));
        assertEquals("body", malformed.getString("items[0].problems[0].field"));
        assertTrue(malformed.getString("items[0].problems[0].message").startsWith("malformed JSON"));

        String unsupported = actor();
        given().contentType(ContentType.TEXT).header(AUTHORIZATION, as(unsupported)).body("name=X")
                .post("/api/v1/entities").then().statusCode(415);
        // Refused before any endpoint was chosen, possibly on the event loop: recorded right after the answer then.
        JsonPath refused = await().atMost(Duration.ofSeconds(30))
                .until(() -> requests("actor", unsupported), r -> r.getInt("total") == 1);
        assertEquals(415, refused.getInt("items[0].status"));
        assertEquals("REFUSED", refused.getString("items[0].outcome"));
        String message = refused.getString("items[0].message");
        assertTrue(message.contains("content-type"), message);
        assertEquals(unsupported, refused.getString("items[0].subject"));
    }

    @Test
    void ignoresForwardedForWhileProxyAddressForwardingIsOff() {
        String actor = actor();
        given().contentType(ContentType.JSON).header(AUTHORIZATION, as(actor)).header("X-Forwarded-For", "203.0.113.7")
                .header("Forwarded", "for=203.0.113.8").body(Map.of("type", "PERSON"))
                .post("/api/v1/entities").then().statusCode(400);
        String address = requests("actor", actor).getString("items[0].remoteAddress");
        assertTrue(isLoopback(address), address);
    }

    @Test
    void recordsImportsWithTheirFilesAndOutcome() {
        String actor = actor();
        String dataset = "audit_" + UUID.randomUUID().toString().substring(0, 8);
        byte[] ftm = bytes("/imports/ftm/entities.ftm.json");
        String version = importFtm(actor, dataset, "entities.ftm.json", ftm).statusCode(200)
                .body("added", equalTo(6)).extract().path("listVersion");
        importFtm(actor, dataset, "entities.ftm.json", ftm).statusCode(200).body("listVersion", nullValue());
        byte[] broken = "{\"id\": \"x\", \"schema\": \"Person\"}\nnot json at all\n".getBytes(StandardCharsets.UTF_8);
        importFtm(actor, dataset, "broken.ftm.json", broken).statusCode(400);
        given().header(AUTHORIZATION, as(actor)).multiPart("file", "x.json", new byte[] {'{', '}'}, "application/json")
                .queryParam("format", "xlsx").post("/api/v1/imports").then().statusCode(400);

        JsonPath requests = requests("actor", actor);
        assertEquals(List.of("REFUSED", "REFUSED", "UNCHANGED", "APPLIED"), requests.getList("items.outcome"));
        assertEquals(List.of("IMPORT", "IMPORT", "IMPORT", "IMPORT"), requests.getList("items.action"));
        assertEquals("xlsx", requests.getString("items[0].format"));
        assertEquals("format", requests.getString("items[0].problems[0].field"));
        assertEquals("ftm-json", requests.getString("items[1].format"));
        assertEquals(dataset, requests.getString("items[1].source"));
        assertEquals("file", requests.getString("items[1].files[0].part"));
        assertEquals("broken.ftm.json", requests.getString("items[1].files[0].fileName"));
        assertEquals(broken.length, requests.getInt("items[1].files[0].size"));
        assertEquals("file", requests.getString("items[1].problems[0].field"));
        assertEquals(version, requests.getString("items[3].listVersion"));
        assertEquals(ftm.length, requests.getInt("items[3].files[0].size"));
        assertEquals(dataset, requests.getString("items[3].source"));
        given().queryParam("requestId", requests.getString("items[3].id")).get("/api/v1/audit").then()
                .body("total", equalTo(6)).body("items.action", everyItem(equalTo("CREATED")))
                .body("items.actor", everyItem(equalTo(actor)));
    }

    @Test
    void recordsWhatTheDatabaseCouldNotStoreAsSent() {
        String actor = actor();
        given().header(AUTHORIZATION, as(actor)).multiPart("file", "list.xml", new byte[] {'<'}, "application/xml")
                .queryParam("format", "un\u0000xml").post("/api/v1/imports").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        JsonPath requests = requests("actor", actor);
        assertEquals(1, requests.getInt("total"));
        assertEquals("un\uFFFDxml", requests.getString("items[0].format"));
        assertTrue(requests.getString("items[0].problems[0].message").endsWith("got 'un\uFFFDxml'"),
                requests.getString("items[0].problems[0].message"));
    }

    @Test
    void recordsAFileOverTheSizeLimitWithItsSize() {
        String actor = actor();
        byte[] huge = new byte[7 * 1024 * 1024];
        given().header(AUTHORIZATION, as(actor)).multiPart("file", "big.xml", huge, "application/xml")
                .queryParam("format", "un-xml").post("/api/v1/imports").then().statusCode(413);
        JsonPath requests = requests("actor", actor);
        assertEquals("REFUSED", requests.getString("items[0].outcome"));
        assertEquals(413, requests.getInt("items[0].status"));
        assertEquals("UN-SC", requests.getString("items[0].source"));
        assertEquals(huge.length, requests.getInt("items[0].files[0].size"));
        assertTrue(requests.getString("items[0].problems[0].message").contains("over the limit"));
    }

    @Test
    void keepsOnlyTheFirstProblemsOfARefusedFile() {
        String actor = actor();
        StringBuilder lines = new StringBuilder(
                "{\"id\": \"p1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Probe One\"]}}\n");
        for (int i = 0; i < 30; i++) {
            lines.append("line ").append(i).append(" is no JSON\n");
        }
        importFtm(actor, "audit_many", "many.ftm.json", lines.toString().getBytes(StandardCharsets.UTF_8))
                .statusCode(400);
        JsonPath requests = requests("actor", actor);
        List<String> fields = requests.getList("items[0].problems.field");
        assertEquals(11, fields.size(), "ten problems and the count of those left out");
        assertTrue(requests.getString("items[0].problems[10].message")
                .endsWith("more problem(s) answered, not recorded"));
    }

    @Test
    void filtersRequestsByOutcomeActionAndTime() {
        String actor = actor();
        given().contentType(ContentType.JSON).header(AUTHORIZATION, as(actor)).body(Map.of("type", "PERSON"))
                .post("/api/v1/entities").then().statusCode(400);
        Instant between = Instant.now();
        given().contentType(ContentType.JSON).header(AUTHORIZATION, as(actor))
                .body(Map.of("name", "Filter Probe " + UUID.randomUUID(), "type", "PERSON"))
                .post("/api/v1/entities").then().statusCode(201);

        given().queryParam("actor", actor).queryParam("outcome", "refused").get("/api/v1/audit/requests").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].status", equalTo(400));
        given().queryParam("actor", actor).queryParam("outcome", "APPLIED").queryParam("action", "create")
                .get("/api/v1/audit/requests").then().body("total", equalTo(1));
        given().queryParam("actor", actor).queryParam("since", between.toString()).get("/api/v1/audit/requests")
                .then().body("total", equalTo(1)).body("items[0].outcome", equalTo("APPLIED"));
        given().queryParam("outcome", "APPLIED").queryParam("size", 500).get("/api/v1/audit/requests").then()
                .body("items.outcome", everyItem(equalTo("APPLIED"))).body("items.actor", hasItem(actor));

        given().queryParam("outcome", "LOST").queryParam("since", "yesterday").get("/api/v1/audit/requests").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("outcome", "since"));
        given().get("/api/v1/audit/requests/" + UUID.randomUUID()).then().statusCode(404)
                .body("message", startsWith("no change request"));
        given().queryParam("requestId", "nope").get("/api/v1/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("requestId"));
    }

    @Test
    void recordsEachAttemptOnItsOwnNewestFirst() {
        String actor = actor();
        for (int i = 0; i < 3; i++) {
            given().header(AUTHORIZATION, as(actor)).delete("/api/v1/entities/not-an-id-" + i).then().statusCode(404);
        }
        JsonPath requests = requests("actor", actor);
        assertEquals(List.of("not-an-id-2", "not-an-id-1", "not-an-id-0"), requests.getList("items.entityId"));
        List<String> ids = requests.getList("items.id");
        assertEquals(3, ids.stream().distinct().count());
        assertNotEquals(ids.get(0), ids.get(1));
        given().get("/api/v1/audit/requests/" + ids.get(2)).then().body("entityId", equalTo("not-an-id-0"))
                .body("id", matchesPattern("[0-9a-f-]{36}")).body("receivedAt", notNullValue());
    }

    static JsonPath requests(String filter, String value) {
        return given().queryParam(filter, value).queryParam("size", 100).get("/api/v1/audit/requests").then()
                .statusCode(200).extract().jsonPath();
    }

    static String actor() {
        return "auditor-" + UUID.randomUUID();
    }

    /** The Authorization header of a registry-admin named {@code actor}. */
    static String as(String actor) {
        return RegistryAdmins.bearer(actor);
    }

    private static io.restassured.response.ValidatableResponse importFtm(String actor, String dataset, String fileName,
                                                                           byte[] content) {
        return given().header(AUTHORIZATION, as(actor)).multiPart("file", fileName, content, "application/x-ndjson")
                .queryParam("format", "ftm-json").queryParam("dataset", dataset).post("/api/v1/imports").then();
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = ChangeRequestAuditTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
