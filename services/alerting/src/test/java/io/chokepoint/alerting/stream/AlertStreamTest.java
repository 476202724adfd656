package io.chokepoint.alerting.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.Fixtures;
import io.chokepoint.alerting.Officers;
import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.alerting.TestKafka;
import io.chokepoint.alerting.alerts.Alert;
import io.chokepoint.alerting.intake.StoredAssessment;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.Match;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert stream read by a real HTTP client while alerts are raised from the real broker: live alerts, resuming
 * with Last-Event-ID after a disconnection (exactly the missed ones), filters, heartbeats.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class AlertStreamTest {

    private static final Duration QUIET = Duration.ofMillis(1500);

    @Inject
    ObjectMapper mapper;

    @Inject
    AlertStreamHub hub;

    @TestHTTPResource("/api/v1/alerts/stream")
    URI stream;

    @BeforeEach
    void officer() {
        Callers.byDefault(TestTokens.officer());
    }

    @AfterEach
    void forgetCaller() {
        Callers.reset();
    }

    @Test
    void aReconnectionWithLastEventIdGetsExactlyWhatItMissedThenLiveAlerts() throws Exception {
        String program = TestAlerts.uniqueProgram();
        TestAlerts.raise(mapper, 1, program);
        int clientsBefore = hub.clientCount();
        List<Alert> seen = new ArrayList<>();
        String lastEventId;
        try (SseReader live = connect(query("program=" + program), null)) {
            await().atMost(TestAlerts.WAIT).until(() -> live.comments() >= 1);
            seen.addAll(TestAlerts.raise(mapper, 1, program));
            seen.addAll(TestAlerts.raise(mapper, 2, program));
            List<SseReader.Event> events = live.take(3, TestAlerts.WAIT);
            assertEquals(sequences(seen), ids(events), "only alerts raised after connecting");
            assertEquals(List.of("alert", "alert", "alert"), events.stream().map(SseReader.Event::name).toList());
            assertEquals(seen.get(0).id.toString(), JsonPath.from(events.get(0).data()).getString("alertId"));
            assertEquals("3000", live.retry());
            lastEventId = events.get(2).id();
        }
        await().atMost(TestAlerts.WAIT).until(() -> hub.clientCount() == clientsBefore);

        List<Alert> missed = new ArrayList<>(TestAlerts.raise(mapper, 2, program));
        missed.addAll(TestAlerts.raise(mapper, 2, program));
        try (SseReader resumed = connect(query("program=" + program), lastEventId)) {
            List<SseReader.Event> replayed = resumed.take(4, TestAlerts.WAIT);
            assertEquals(sequences(missed), ids(replayed));
            assertEquals(missed.stream().map(alert -> alert.id.toString()).toList(),
                    replayed.stream().map(event -> JsonPath.from(event.data()).getString("alertId")).toList());

            Alert next = TestAlerts.raise(mapper, 1, program).get(0);
            assertEquals(List.of(Long.toString(next.sequence)), ids(resumed.take(1, TestAlerts.WAIT)));
            assertNull(resumed.poll(QUIET), "nothing twice");
        }
    }

    /** Alerts keep committing while the client reconnects: each arrives once, in order, replayed or live. */
    @Test
    void alertsRaisedDuringTheReconnectionAreNeitherLostNorRepeated() throws Exception {
        String program = TestAlerts.uniqueProgram();
        String lastEventId;
        try (SseReader first = connect(query("program=" + program), null)) {
            await().atMost(TestAlerts.WAIT).until(() -> first.comments() >= 1);
            TestAlerts.raise(mapper, 1, program);
            lastEventId = first.take(1, TestAlerts.WAIT).get(0).id();
        }
        ExecutorService raiser = Executors.newSingleThreadExecutor();
        try {
            Future<List<Alert>> raising = raiser.submit(() -> {
                List<Alert> raised = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    raised.addAll(TestAlerts.raise(mapper, 1, program));
                }
                return raised;
            });
            try (SseReader resumed = connect(query("program=" + program), lastEventId)) {
                List<SseReader.Event> events = resumed.take(6, TestAlerts.WAIT);
                assertEquals(sequences(raising.get(60, TimeUnit.SECONDS)), ids(events));
                assertNull(resumed.poll(QUIET), "nothing twice");
            }
        } finally {
            raiser.shutdownNow();
        }
    }

    /**
     * Officers' changes and new evidence reach the stream as {@code alert-updated}, ordered with the raises; a
     * client resuming gets each alert that changed meanwhile once, as it now stands, and an alert raised meanwhile
     * as {@code alert} even if it has changed since.
     */
    @Test
    void changesAreStreamedInCommitOrderAndResumedAsTheyNowStand() throws Exception {
        String program = TestAlerts.uniqueProgram();
        Alert first;
        String lastEventId;
        try (SseReader live = connect(query("program=" + program), null)) {
            await().atMost(TestAlerts.WAIT).until(() -> live.comments() >= 1);
            first = TestAlerts.raise(mapper, 1, program).get(0);
            assertEquals(List.of("alert"), names(live.take(1, TestAlerts.WAIT)));

            move(first, "maria", Map.of("status", "ACKNOWLEDGED"));
            SseReader.Event acknowledged = live.take(1, TestAlerts.WAIT).get(0);
            assertEquals("alert-updated", acknowledged.name());
            JsonPath data = JsonPath.from(acknowledged.data());
            assertEquals(first.id.toString(), data.getString("alertId"));
            assertEquals("ACKNOWLEDGED", data.getString("status"));
            assertEquals(TestAlerts.reload(first.id).version, data.getLong("version"));
            assertEquals(Long.toString(TestAlerts.reload(first.id).streamPosition), acknowledged.id());
            assertTrue(Long.parseLong(acknowledged.id()) > first.sequence);
            lastEventId = acknowledged.id();
        }

        Alert second = TestAlerts.raise(mapper, 1, program).get(0);
        note(first, "maria", "called the broker");
        move(first, "jorge", Map.of("status", "ESCALATED"));
        note(second, "jorge", "same consignee as another case");
        Alert third = TestAlerts.raise(mapper, 1, program).get(0);
        try (SseReader resumed = connect(query("program=" + program), lastEventId)) {
            List<SseReader.Event> events = resumed.take(3, TestAlerts.WAIT);
            assertEquals(List.of("alert-updated", "alert", "alert"), names(events));
            assertEquals(List.of(first.id.toString(), second.id.toString(), third.id.toString()),
                    events.stream().map(event -> JsonPath.from(event.data()).getString("alertId")).toList());
            assertEquals(List.of(TestAlerts.reload(first.id).streamPosition,
                            TestAlerts.reload(second.id).streamPosition, third.sequence),
                    events.stream().map(event -> Long.parseLong(event.id())).toList());
            assertEquals("ESCALATED", JsonPath.from(events.get(0).data()).getString("status"));
            assertEquals(1, JsonPath.from(events.get(1).data()).getLong("version"), "the note is in it");
            assertNull(resumed.poll(QUIET), "nothing twice");

            raiseScore(second, 0.99);
            SseReader.Event evidence = resumed.take(1, TestAlerts.WAIT).get(0);
            assertEquals("alert-updated", evidence.name());
            assertEquals(0.99, JsonPath.from(evidence.data()).getDouble("score"), 1e-9);
        }
    }

    @Test
    void filtersFromTheQueryOrASubscriptionAndHeartbeats() throws Exception {
        String program = TestAlerts.uniqueProgram();
        String subscription = given().contentType(ContentType.JSON)
                .body(Map.of("filter", Map.of("programs", List.of(program),
                        "minSeverity", "CRITICAL"), "channel", Map.of("type", "STREAM")))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        try (SseReader bySubscription = connect(query("subscriptionId=" + subscription), null);
             SseReader byQuery = connect(query("program=" + program + "&minSeverity=critical"
                     + "&type=PRECURSOR_TO_SANCTIONED_PARTY,EQUIPMENT_TO_SANCTIONED_PARTY&country=MX"), null)) {
            await().atMost(TestAlerts.WAIT).until(() -> bySubscription.comments() >= 1 && byQuery.comments() >= 1);
            Alert high = TestAlerts.raise(mapper, 1, program).get(0);
            Alert critical = TestAlerts.raise(mapper, 1, program, "SDNTK").get(0);
            assertEquals("HIGH", high.severity.name());
            assertEquals("CRITICAL", critical.severity.name());

            for (SseReader reader : List.of(bySubscription, byQuery)) {
                assertEquals(List.of(Long.toString(critical.sequence)), ids(reader.take(1, TestAlerts.WAIT)));
                assertNull(reader.poll(QUIET));
            }
            int comments = byQuery.comments();
            await().atMost(Duration.ofSeconds(10)).until(() -> byQuery.comments() >= comments + 2);
        }
    }

    /**
     * A subscription selects the stream only for its own team's officers: another team's is unknown (404), and an
     * officer whose token names no team cannot select by subscription at all (403), though it may follow the
     * stream by criteria.
     */
    @Test
    void onlyTheCallersTeamsSubscriptionSelectsTheStream() throws Exception {
        String otherTeam = "team-" + UUID.randomUUID();
        String theirs = given().header("Authorization", Callers.bearer(TestTokens.officer(otherTeam)))
                .contentType(ContentType.JSON).body(Map.of("channel", Map.of("type", "STREAM")))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");

        given().accept("text/event-stream").queryParam("subscriptionId", theirs).get("/api/v1/alerts/stream")
                .then().statusCode(404).body("message", is("No subscription with id " + theirs));
        given().header("Authorization", Callers.bearer(Officers.withoutTeam("officer-of-no-team")))
                .accept("text/event-stream").queryParam("subscriptionId", theirs).get("/api/v1/alerts/stream")
                .then().statusCode(403).body("message", containsString("team claim"));
        try (SseReader own = SseReader.open(query("subscriptionId=" + theirs), TestTokens.officer(otherTeam), null);
             SseReader noTeam = SseReader.open(query("program=" + TestAlerts.uniqueProgram()),
                     Officers.withoutTeam("officer-of-no-team"), null)) {
            await().atMost(TestAlerts.WAIT).until(() -> own.comments() >= 1 && noTeam.comments() >= 1);
        }
    }

    @Test
    void badQueriesAreRefusedWithEveryProblem() {
        given().accept("text/event-stream").header("Last-Event-ID", "yesterday").queryParam("type", "SMUGGLING")
                .queryParam("country", "Mexico").get("/api/v1/alerts/stream").then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("errors.field", contains("type", "country", "Last-Event-ID"));
        given().accept("text/event-stream").queryParam("subscriptionId", "00000000-0000-0000-0000-000000000000")
                .get("/api/v1/alerts/stream").then().statusCode(404);
    }

    /** A second screening of the alert's shipment in which its entity matched with a higher score. */
    private void raiseScore(Alert alert, double score) throws Exception {
        String stored = QuarkusTransaction.requiringNew().call(() ->
                StoredAssessment.findRevision(alert.shipmentId, 1).orElseThrow().payload);
        ShipmentAssessed shipment = mapper.readValue(stored, ShipmentAssessed.class);
        Match match = new Match(alert.entityId, alert.entitySource, alert.entitySourceId, alert.entityName,
                alert.matchedName, "ORGANIZATION", List.of(mapper.readValue(alert.entityPrograms, String[].class)),
                score, "stronger match");
        TestKafka.produce(mapper, Topics.SCREENING_RESULTS, alert.shipmentId,
                Fixtures.consigneeResult(shipment, alert.listVersion, Instant.now(), match));
    }

    private static void move(Alert alert, String actor, Map<String, Object> body) {
        given().contentType(ContentType.JSON).header("Authorization", Officers.bearer(actor)).body(body)
                .post("/api/v1/alerts/{id}/transitions", alert.id).then().statusCode(200);
    }

    private static void note(Alert alert, String actor, String note) {
        given().contentType(ContentType.JSON).header("Authorization", Officers.bearer(actor))
                .body(Map.of("note", note))
                .post("/api/v1/alerts/{id}/notes", alert.id).then().statusCode(200);
    }

    /** Connects as an officer of the test team. */
    private static SseReader connect(URI uri, String lastEventId) {
        return SseReader.open(uri, TestTokens.officer(), lastEventId);
    }

    private static List<String> names(List<SseReader.Event> events) {
        return events.stream().map(SseReader.Event::name).toList();
    }

    private URI query(String query) {
        return URI.create(stream + "?" + query);
    }

    private static List<String> sequences(List<Alert> alerts) {
        return alerts.stream().map(alert -> Long.toString(alert.sequence)).toList();
    }

    private static List<String> ids(List<SseReader.Event> events) {
        return events.stream().map(SseReader.Event::id).toList();
    }
}
