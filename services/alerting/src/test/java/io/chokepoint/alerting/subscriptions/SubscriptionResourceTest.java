package io.chokepoint.alerting.subscriptions;

import io.chokepoint.alerting.Officers;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Subscriptions made, read and deleted by an officer ({@code ops}) of a team of each test's own. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class SubscriptionResourceTest {

    private static final String SECRET = "0123456789abcdef-secret";

    private String team;

    @BeforeEach
    void officerOfANewTeam() {
        team = "team-" + UUID.randomUUID();
        Callers.byDefault(Officers.named("ops", team));
    }

    @AfterEach
    void forgetCaller() {
        Callers.reset();
    }

    @Test
    void aWebhookSubscriptionIsCreatedReadAndDeletedWithoutEverShowingItsSecret() {
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(Map.of("team", team,
                        "filter", Map.of("types", List.of("precursor_to_sanctioned_party"), "minSeverity", "high",
                                "countries", List.of("mx", "US"), "programs", List.of("SDNTK"),
                                "substances", List.of("npp", "39742-60-4"), "reportingAgencies", List.of("CN-GACC")),
                        "channel", Map.of("type", "WEBHOOK", "url", "https://hooks.example.org/chokepoint",
                                "secret", SECRET)))
                .post("/api/v1/subscriptions").then().statusCode(201).extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/v1/subscriptions/" + id));
        assertFalse(created.asString().contains(SECRET));
        given().get("/api/v1/subscriptions/{id}", id).then().statusCode(200)
                .body("team", is(team))
                .body("createdBy", is("ops"))
                .body("filter.types", contains("PRECURSOR_TO_SANCTIONED_PARTY"))
                .body("filter.minSeverity", is("HIGH"))
                .body("filter.countries", contains("MX", "US"))
                .body("filter.substances", contains("NPP", "39742-60-4"))
                .body("channel.type", is("WEBHOOK"))
                .body("channel.url", is("https://hooks.example.org/chokepoint"))
                .body("channel.secretSet", is(true))
                .body("channel.secret", nullValue())
                .body("channel.events", contains("alert.raised"))
                .body(not(containsString(SECRET)));
        given().queryParam("team", team).get("/api/v1/subscriptions").then().statusCode(200)
                .body("id", contains(id));

        given().delete("/api/v1/subscriptions/{id}", id).then().statusCode(204);
        given().get("/api/v1/subscriptions/{id}", id).then().statusCode(404)
                .body("message", containsString("No subscription"));
        given().queryParam("team", team).get("/api/v1/subscriptions").then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().delete("/api/v1/subscriptions/{id}", id).then().statusCode(404);
    }

    @Test
    void aWebhookMayAskForUpdatesToo() {
        given().contentType(ContentType.JSON)
                .body(Map.of("team", team, "channel", Map.of("type", "WEBHOOK",
                        "url", "https://hooks.example.org/cases", "secret", SECRET,
                        "events", List.of("ALERT.UPDATED", "alert.raised", "alert.updated"))))
                .post("/api/v1/subscriptions").then().statusCode(201)
                .body("channel.events", contains("alert.raised", "alert.updated"));
        given().contentType(ContentType.JSON)
                .body(Map.of("team", team, "channel", Map.of("type", "WEBHOOK",
                        "url", "https://hooks.example.org/cases", "secret", SECRET, "events", List.of())))
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors.field", contains("channel.events"));
        given().contentType(ContentType.JSON)
                .body(Map.of("team", team, "channel", Map.of("type", "WEBHOOK",
                        "url", "https://hooks.example.org/cases", "secret", SECRET,
                        "events", List.of("alert.raised", "alert.deleted"))))
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors.field", contains("channel.events[1]"))
                .body("errors[0].message", containsString("alert.updated"));
        given().contentType(ContentType.JSON)
                .body(Map.of("team", team, "channel", Map.of("type", "STREAM",
                        "events", List.of("alert.updated"))))
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors.field", contains("channel.events"));
    }

    /** Without a team the subscription is the caller's team's. */
    @Test
    void aStreamSubscriptionNeedsNoUrl() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("channel", Map.of("type", "stream")))
                .post("/api/v1/subscriptions").then().statusCode(201)
                .body("team", is(team))
                .body("createdBy", is("ops"))
                .body("channel.type", is("STREAM"))
                .body("channel.secretSet", nullValue())
                .body("channel.events", nullValue())
                .extract().path("id");
        given().get("/api/v1/subscriptions").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void everyProblemIsNamed() {
        List<String> fields = given().contentType(ContentType.JSON)
                .body(Map.of("filter", Map.of("types", List.of("PRECURSOR_TO_SANCTIONED_PARTY", "SMUGGLING"),
                                "minSeverity", "EXTREME", "countries", List.of("Mexico"), "programs", List.of(" ")),
                        "channel", Map.of("type", "WEBHOOK", "url", "ftp://example.org/x", "secret", "short")))
                .post("/api/v1/subscriptions").then().statusCode(400)
                .extract().jsonPath().getList("errors.field");
        assertEquals(List.of("filter.types[1]", "filter.minSeverity", "filter.countries[0]",
                "filter.programs[0]", "channel.url", "channel.secret"), fields);

        given().contentType(ContentType.JSON).body(Map.of("team", team, "channel", Map.of("type", "WEBHOOK")))
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors.field", contains("channel.url", "channel.secret"));
        given().contentType(ContentType.JSON).body(Map.of("team", team, "channel", Map.of("type", "STREAM",
                        "url", "https://example.org")))
                .post("/api/v1/subscriptions").then().statusCode(400).body("errors.field", contains("channel.url"));
        given().contentType(ContentType.JSON).body(Map.of("team", team, "channel", Map.of("type", "PIGEON")))
                .post("/api/v1/subscriptions").then().statusCode(400).body("errors.field", contains("channel.type"));
        given().contentType(ContentType.JSON).body(Map.of("team", team))
                .post("/api/v1/subscriptions").then().statusCode(400).body("errors.field", contains("channel"));
        given().contentType(ContentType.JSON).body("{\"filter\": {\"types\": \"NPP\"}}")
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors[0].field", is("filter.types"));
        given().contentType(ContentType.JSON).body("{\"channel\": ").post("/api/v1/subscriptions").then()
                .statusCode(400).body("errors[0].field", is("body"));
    }

    @Test
    void unknownIdsAreNotFound() {
        given().get("/api/v1/subscriptions/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/subscriptions/not-an-id").then().statusCode(404);
        given().get("/api/v1/subscriptions/{id}/deliveries", UUID.randomUUID()).then().statusCode(404);
    }

    /** A team claim too long for the record is refused by name, not by the database. */
    @Test
    void aTeamLongerThanTheRecordKeepsIsRefused() {
        String longTeam = "t".repeat(129);
        given().header("Authorization", Callers.bearer(TestTokens.officer(longTeam))).contentType(ContentType.JSON)
                .body(Map.of("channel", Map.of("type", "STREAM"))).post("/api/v1/subscriptions").then()
                .statusCode(400).body("errors.field", contains("team"))
                .body("errors[0].message", containsString("at most 128 characters"));
    }
}
