package io.chokepoint.alerting.subscriptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.Officers;
import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.alerting.delivery.TestReceiver;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * Officers see and manage their own team's subscriptions and deliveries only, their team being their token's claim:
 * another team's are unknown (404) whichever way they are asked for, naming another team is refused (403), and a
 * token without a team claim gets no subscription at all (403). Two teams of each test's own, A and B.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class TeamScopeTest {

    private static final String SECRET = "s3cret-for-the-team-scope-test";
    private static final String SUBSCRIPTIONS = "/api/v1/subscriptions";

    @Inject
    ObjectMapper mapper;

    private String teamA;
    private String teamB;
    private String officerA;
    private String officerB;
    private TestReceiver receiver;

    @BeforeEach
    void twoTeams() throws IOException {
        teamA = "team-a-" + UUID.randomUUID();
        teamB = "team-b-" + UUID.randomUUID();
        officerA = Officers.named("ana", teamA);
        officerB = Officers.named("bruno", teamB);
        receiver = new TestReceiver();
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void anotherTeamsSubscriptionAndItsDeliveriesAreUnknown() {
        receiver.failAlways();
        String program = TestAlerts.uniqueProgram();
        String theirs = as(officerB).contentType(ContentType.JSON)
                .body(Map.of("filter", Map.of("programs", List.of(program)),
                        "channel", Map.of("type", "WEBHOOK", "url", receiver.url(), "secret", SECRET)))
                .post(SUBSCRIPTIONS).then().statusCode(201).body("team", is(teamB)).extract().path("id");
        String ours = streamSubscription(officerA);
        TestAlerts.raise(mapper, 1, program);
        String delivery = await().atMost(TestAlerts.WAIT).until(() -> as(officerB)
                        .get(SUBSCRIPTIONS + "/{id}/deliveries", theirs).then().statusCode(200).extract().jsonPath(),
                page -> page.getList("items.status").equals(List.of("PARKED"))).getString("items[0].deliveryId");

        String unknown = "No subscription with id " + theirs;
        as(officerA).get(SUBSCRIPTIONS + "/{id}", theirs).then().statusCode(404).body("message", is(unknown));
        as(officerA).get(SUBSCRIPTIONS + "/{id}/deliveries", theirs).then().statusCode(404)
                .body("message", is(unknown));
        as(officerA).get(SUBSCRIPTIONS + "/{id}/deliveries/{d}", theirs, delivery).then().statusCode(404)
                .body("message", is(unknown));
        as(officerA).post(SUBSCRIPTIONS + "/{id}/deliveries/{d}/resend", theirs, delivery).then().statusCode(404)
                .body("message", is(unknown));
        as(officerA).post(SUBSCRIPTIONS + "/{id}/deliveries/resend-parked", theirs).then().statusCode(404)
                .body("message", is(unknown));
        as(officerA).delete(SUBSCRIPTIONS + "/{id}", theirs).then().statusCode(404).body("message", is(unknown));
        as(officerA).get(SUBSCRIPTIONS + "/{id}/deliveries/{d}", ours, delivery).then().statusCode(404)
                .body("message", is("No delivery " + delivery + " for subscription " + ours));

        // Nothing A asked for changed anything of B's: the subscription stands and the delivery is still parked.
        as(officerB).get(SUBSCRIPTIONS + "/{id}", theirs).then().statusCode(200).body("team", is(teamB));
        as(officerB).get(SUBSCRIPTIONS + "/{id}/deliveries/{d}", theirs, delivery).then().statusCode(200)
                .body("status", is("PARKED")).body("resentBy", nullValue());
        as(officerB).post(SUBSCRIPTIONS + "/{id}/deliveries/{d}/resend", theirs, delivery).then().statusCode(200)
                .body("status", is("PENDING")).body("resentBy", is("bruno"));
        as(officerB).delete(SUBSCRIPTIONS + "/{id}", theirs).then().statusCode(204);
    }

    @Test
    void aSubscriptionIsMadeForTheCallersTeamOnly() {
        as(officerA).contentType(ContentType.JSON)
                .body(Map.of("team", teamB, "channel", Map.of("type", "STREAM")))
                .post(SUBSCRIPTIONS).then().statusCode(403)
                .body("message", containsString("team " + teamB + " is not the caller's team " + teamA));
        as(officerB).get(SUBSCRIPTIONS).then().statusCode(200).body("id", empty());

        as(officerA).contentType(ContentType.JSON)
                .body(Map.of("team", " " + teamA + " ", "channel", Map.of("type", "STREAM")))
                .post(SUBSCRIPTIONS).then().statusCode(201).body("team", is(teamA)).body("createdBy", is("ana"));
        as(officerA).contentType(ContentType.JSON).body(Map.of("channel", Map.of("type", "STREAM")))
                .post(SUBSCRIPTIONS).then().statusCode(201).body("team", is(teamA));
    }

    @Test
    void theListShowsTheCallersTeamOnly() {
        String first = streamSubscription(officerA);
        String theirs = streamSubscription(officerB);
        String second = streamSubscription(officerA);

        as(officerA).get(SUBSCRIPTIONS).then().statusCode(200).body("id", contains(first, second));
        as(officerA).queryParam("team", teamA).get(SUBSCRIPTIONS).then().statusCode(200)
                .body("id", contains(first, second));
        as(officerA).queryParam("team", teamB).get(SUBSCRIPTIONS).then().statusCode(403)
                .body("message", containsString("team " + teamB + " is not the caller's team " + teamA));
        as(officerB).get(SUBSCRIPTIONS).then().statusCode(200).body("id", contains(theirs));
    }

    @Test
    void aTokenWithoutATeamClaimGetsNoSubscriptions() {
        String nomad = Officers.withoutTeam("nomad");
        String ours = streamSubscription(officerA);
        String someDelivery = UUID.randomUUID().toString();

        for (JsonPath answer : List.of(
                as(nomad).get(SUBSCRIPTIONS).then().statusCode(403).extract().jsonPath(),
                as(nomad).contentType(ContentType.JSON).body(Map.of("channel", Map.of("type", "STREAM")))
                        .post(SUBSCRIPTIONS).then().statusCode(403).extract().jsonPath(),
                as(nomad).get(SUBSCRIPTIONS + "/{id}", ours).then().statusCode(403).extract().jsonPath(),
                as(nomad).delete(SUBSCRIPTIONS + "/{id}", ours).then().statusCode(403).extract().jsonPath(),
                as(nomad).get(SUBSCRIPTIONS + "/{id}/deliveries", ours).then().statusCode(403).extract().jsonPath(),
                as(nomad).get(SUBSCRIPTIONS + "/{id}/deliveries/{d}", ours, someDelivery).then().statusCode(403)
                        .extract().jsonPath(),
                as(nomad).post(SUBSCRIPTIONS + "/{id}/deliveries/{d}/resend", ours, someDelivery).then()
                        .statusCode(403).extract().jsonPath(),
                as(nomad).post(SUBSCRIPTIONS + "/{id}/deliveries/resend-parked", ours).then().statusCode(403)
                        .extract().jsonPath())) {
            assertThat(answer.getString("message"), is("Forbidden: the token carries no team claim"));
        }
        as(officerA).get(SUBSCRIPTIONS + "/{id}", ours).then().statusCode(200);
    }

    private String streamSubscription(String officer) {
        return as(officer).contentType(ContentType.JSON).body(Map.of("channel", Map.of("type", "STREAM")))
                .post(SUBSCRIPTIONS).then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String token) {
        return given().header(Callers.AUTHORIZATION, Callers.bearer(token));
    }
}
