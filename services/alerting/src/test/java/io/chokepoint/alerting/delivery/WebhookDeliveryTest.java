package io.chokepoint.alerting.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.Officers;
import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.alerting.alerts.Alert;
import io.chokepoint.alerting.subscriptions.ChannelType;
import io.chokepoint.alerting.subscriptions.Subscription;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook deliveries to receivers on loopback that fail, stall or die, with alerts raised from the real broker:
 * signature, order per subscription, retries, parking, resending, and subscribers not holding each other back.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class WebhookDeliveryTest {

    private static final String SECRET = "s3cret-for-the-webhook-test";
    private static final String TEAM = "webhook-test";

    @Inject
    ObjectMapper mapper;

    private final List<TestReceiver> receivers = new ArrayList<>();
    private final List<String> subscriptions = new ArrayList<>();

    /** Subscriptions are a team's: this test's are made and seen by an officer of the team {@value #TEAM}. */
    @BeforeEach
    void officer() {
        Callers.byDefault(TestTokens.officer(TEAM));
    }

    @AfterEach
    void cleanUp() {
        subscriptions.forEach(id -> given().delete("/api/v1/subscriptions/{id}", id));
        receivers.forEach(TestReceiver::close);
        Callers.reset();
    }

    @Test
    void failedAttemptsAreRetriedAndEveryAlertArrivesSignedAndInOrder() {
        TestReceiver receiver = receiver().failFirst(2);
        String program = TestAlerts.uniqueProgram();
        String subscription = subscribe(receiver, program);

        List<Alert> alerts = new ArrayList<>(TestAlerts.raise(mapper, 3, program));
        TestAlerts.raise(mapper, 1, TestAlerts.uniqueProgram());
        alerts.addAll(TestAlerts.raise(mapper, 1, program));
        List<String> alertIds = alerts.stream().map(alert -> alert.id.toString()).toList();

        JsonPath deliveries = awaitDeliveries(subscription, 4, "DELIVERED");
        List<TestReceiver.Received> received = receiver.received();
        assertEquals(List.of(alertIds.get(0), alertIds.get(0), alertIds.get(0), alertIds.get(1), alertIds.get(2),
                alertIds.get(3)), alertIdsOf(received));
        assertEquals(List.of("1", "2", "3", "1", "1", "1"),
                received.stream().map(r -> r.header(WebhookSender.ATTEMPT_HEADER)).toList());
        for (TestReceiver.Received request : received) {
            JsonPath body = JsonPath.from(request.body());
            assertEquals(WebhookSignature.of(SECRET, request.body().getBytes(StandardCharsets.UTF_8)),
                    request.header(WebhookSignature.HEADER), "signature of " + request.body());
            assertEquals(body.getString("deliveryId"), request.header(WebhookSender.DELIVERY_HEADER));
            assertEquals(subscription, body.getString("subscriptionId"));
            assertEquals("alert.raised", body.getString("event"));
        }

        List<String> newestFirst = new ArrayList<>(alertIds);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, deliveries.getList("items.alertId"));
        JsonPath first = JsonPath.from(given().get("/api/v1/subscriptions/{id}/deliveries/{d}", subscription,
                deliveries.getString("items[3].deliveryId")).then().statusCode(200).extract().asString());
        assertEquals(List.of(500, 500, 204), first.getList("attempts.statusCode"));
        assertEquals(List.of("FAILED", "FAILED", "DELIVERED"), first.getList("attempts.outcome"));
        assertEquals(List.of("answered HTTP 500", "answered HTTP 500"), first.getList("attempts.error").subList(0, 2));
        assertEquals(2, first.getInt("failures"));
        assertEquals(alerts.get(0).sequence, first.getLong("sequence"));
    }

    @Test
    void aDeliveryFailingTooOftenIsParkedHoldsBackTheNextAndGoesFirstWhenResent() {
        TestReceiver receiver = receiver().failAlways();
        String program = TestAlerts.uniqueProgram();
        String subscription = subscribe(receiver, program);

        Alert first = TestAlerts.raise(mapper, 1, program).get(0);
        JsonPath parked = awaitDeliveries(subscription, 1, "PARKED");
        String parkedId = parked.getString("items[0].deliveryId");
        assertEquals(List.of(503, 503, 503, 503), parked.getList("items[0].attempts.statusCode"));
        Alert second = TestAlerts.raise(mapper, 1, program).get(0);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                receiver.received().size() == 4 && given().get("/api/v1/subscriptions/{id}/deliveries", subscription)
                        .then().extract().jsonPath().getList("items.status").equals(List.of("PENDING", "PARKED")));

        receiver.succeed();
        given().header("Authorization", Callers.bearer(Officers.named("ops", TEAM)))
                .post("/api/v1/subscriptions/{id}/deliveries/{d}/resend", subscription, parkedId).then()
                .statusCode(200).body("status", is("PENDING")).body("resentBy", is("ops"))
                .body("failures", is(0));
        JsonPath delivered = awaitDeliveries(subscription, 2, "DELIVERED");
        assertEquals(List.of(second.id.toString(), first.id.toString()), delivered.getList("items.alertId"));
        assertEquals(List.of(1, 2, 3, 4, 5), delivered.getList("items[1].attempts.attempt"));
        assertEquals("DELIVERED", delivered.getString("items[1].attempts[4].outcome"));
        assertEquals(Stream.concat(Stream.generate(() -> first.id.toString()).limit(5),
                        Stream.of(second.id.toString())).toList(),
                alertIdsOf(receiver.received()));

        given().post("/api/v1/subscriptions/{id}/deliveries/{d}/resend", subscription, parkedId).then()
                .statusCode(409).body("message", is("Delivery " + parkedId + " is DELIVERED: only a PARKED "
                        + "delivery can be resent"));
        given().post("/api/v1/subscriptions/{id}/deliveries/resend-parked", subscription).then().statusCode(200)
                .body("resent", is(0));
    }

    @Test
    void resendParkedRequeuesWhatWasParked() {
        TestReceiver receiver = receiver().failAlways();
        String program = TestAlerts.uniqueProgram();
        String subscription = subscribe(receiver, program);
        TestAlerts.raise(mapper, 1, program);
        awaitDeliveries(subscription, 1, "PARKED");

        receiver.succeed();
        given().post("/api/v1/subscriptions/{id}/deliveries/resend-parked", subscription).then().statusCode(200)
                .body("resent", is(1));
        awaitDeliveries(subscription, 1, "DELIVERED");
        given().queryParam("status", "parked").get("/api/v1/subscriptions/{id}/deliveries", subscription).then()
                .statusCode(200).body("total", is(0));
    }

    /** One subscriber stalls on every request; the other gets its alerts all the same, without waiting. */
    @Test
    void aStalledSubscriberDoesNotHoldBackAnother() {
        TestReceiver stalled = receiver().hold();
        TestReceiver healthy = receiver();
        String program = TestAlerts.uniqueProgram();
        String stalledSubscription = subscribe(stalled, program);
        String healthySubscription = subscribe(healthy, program);

        Alert first = TestAlerts.raise(mapper, 1, program).get(0);
        Alert second = TestAlerts.raise(mapper, 1, program).get(0);

        awaitDeliveries(healthySubscription, 2, "DELIVERED");
        await().atMost(TestAlerts.WAIT).until(() -> stalled.received().size() == 1);
        JsonPath waiting = given().get("/api/v1/subscriptions/{id}/deliveries", stalledSubscription).then()
                .extract().jsonPath();
        assertEquals(List.of("PENDING", "PENDING"), waiting.getList("items.status"));
        assertEquals(0, waiting.getList("items[1].attempts").size(), "the stalled attempt is still open");

        stalled.release();
        awaitDeliveries(stalledSubscription, 2, "DELIVERED");
        assertEquals(List.of(first.id.toString(), second.id.toString()),
                alertIdsOf(stalled.received()));
    }

    /**
     * A subscription that asked for updates gets the raise, then each status change, in commit order; a note is
     * not sent. A subscription with the default events gets the raise only.
     */
    @Test
    void aSubscriptionAskingForUpdatesGetsStatusChangesInOrder() {
        TestReceiver updates = receiver();
        TestReceiver raises = receiver();
        String program = TestAlerts.uniqueProgram();
        String withUpdates = subscribe(updates, program, List.of("alert.raised", "alert.updated"));
        String raisesOnly = subscribe(raises, program);

        Alert alert = TestAlerts.raise(mapper, 1, program).get(0);
        move(alert, "ACKNOWLEDGED");
        given().contentType(ContentType.JSON).body(Map.of("note", "asked the broker for the invoice"))
                .post("/api/v1/alerts/{id}/notes", alert.id).then().statusCode(200);
        move(alert, "ESCALATED");

        JsonPath deliveries = awaitDeliveries(withUpdates, 3, "DELIVERED");
        assertEquals(List.of("alert.updated", "alert.updated", "alert.raised"), deliveries.getList("items.event"));
        List<TestReceiver.Received> received = updates.received();
        List<JsonPath> bodies = received.stream().map(r -> JsonPath.from(r.body())).toList();
        assertEquals(List.of("alert.raised", "alert.updated", "alert.updated"),
                bodies.stream().map(body -> body.getString("event")).toList());
        assertEquals(List.of("alert.raised", "alert.updated", "alert.updated"),
                received.stream().map(r -> r.header(WebhookSender.EVENT_HEADER)).toList());
        assertEquals(Arrays.asList(null, "STATUS_CHANGED", "STATUS_CHANGED"),
                bodies.stream().map(body -> body.getString("change")).toList());
        assertEquals(List.of("NEW", "ACKNOWLEDGED", "ESCALATED"),
                bodies.stream().map(body -> body.getString("alert.status")).toList());
        List<Long> sequences = bodies.stream().map(body -> body.getLong("sequence")).toList();
        assertEquals(alert.sequence, sequences.get(0));
        assertTrue(sequences.get(0) < sequences.get(1) && sequences.get(1) < sequences.get(2), sequences.toString());
        assertEquals(TestAlerts.reload(alert.id).streamPosition, sequences.get(2));

        awaitDeliveries(raisesOnly, 1, "DELIVERED");
        assertEquals(List.of("alert.raised"),
                raises.received().stream().map(r -> JsonPath.from(r.body()).getString("event")).toList());
    }

    @Test
    void deletingASubscriptionCancelsWhatItWasOwed() {
        TestReceiver receiver = receiver().failAlways();
        String program = TestAlerts.uniqueProgram();
        String subscription = subscribe(receiver, program);
        TestAlerts.raise(mapper, 1, program);
        await().atMost(TestAlerts.WAIT).until(() -> receiver.received().size() >= 1);

        given().delete("/api/v1/subscriptions/{id}", subscription).then().statusCode(204);
        UUID id = UUID.fromString(subscription);
        List<DeliveryStatus> statuses = QuarkusTransaction.requiringNew().call(() ->
                WebhookDelivery.<WebhookDelivery>list("subscriptionId", id).stream().map(d -> d.status).toList());
        assertEquals(List.of(DeliveryStatus.CANCELLED), statuses);
        int sent = receiver.received().size();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> receiver.received().size() <= sent + 1);
        given().get("/api/v1/subscriptions/{id}/deliveries", subscription).then().statusCode(404);
    }

    /** A receiver answering 302 gets its attempts counted as failures; where it points is never called. */
    @Test
    void aRedirectIsNeverFollowed() {
        TestReceiver elsewhere = receiver();
        TestReceiver redirecting = receiver().redirectTo(elsewhere.url());
        String program = TestAlerts.uniqueProgram();
        String subscription = subscribe(redirecting, program);

        TestAlerts.raise(mapper, 1, program);

        JsonPath parked = awaitDeliveries(subscription, 1, "PARKED");
        assertEquals(List.of(302, 302, 302, 302), parked.getList("items[0].attempts.statusCode"));
        assertEquals(List.of("FAILED", "FAILED", "FAILED", "FAILED"), parked.getList("items[0].attempts.outcome"));
        assertEquals("answered HTTP 302 redirecting to " + elsewhere.url() + "; redirects are not followed",
                parked.getString("items[0].lastError"));
        assertEquals(4, redirecting.received().size());
        assertEquals(List.of(), elsewhere.received());
    }

    /**
     * A subscription whose URL the rules refuse now (stored before they applied, or before the allow-list was
     * narrowed) fails each attempt with the reason, and nothing is sent. Unchecked, the first of these URLs would
     * reach the receiver: {@code [::ffff:127.0.0.1]} is 127.0.0.1, but not the allowed host as written.
     */
    @Test
    void aTargetRefusedAtDeliveryTimeIsNeverSentTo() {
        TestReceiver receiver = receiver();
        String program = TestAlerts.uniqueProgram();
        String mapped = receiver.url().replace("127.0.0.1", "[::ffff:127.0.0.1]");
        String plain = storedSubscription(mapped, program);
        String https = storedSubscription(mapped.replace("http://", "https://"), program);

        TestAlerts.raise(mapper, 1, program);

        JsonPath plainParked = awaitDeliveries(plain, 1, "PARKED");
        JsonPath httpsParked = awaitDeliveries(https, 1, "PARKED");
        assertEquals("not sent: must use https; plain http is only for hosts in chokepoint.webhooks.allowed-hosts",
                plainParked.getString("items[0].attempts[0].error"));
        assertEquals("not sent: host [::ffff:127.0.0.1] resolves to a loopback address 127.0.0.1; such addresses "
                + "are only for hosts in chokepoint.webhooks.allowed-hosts", httpsParked.getString("items[0].lastError"));
        assertEquals(Arrays.asList(null, null, null, null), plainParked.getList("items[0].attempts.statusCode"));
        assertEquals(List.of(), receiver.received());
    }

    /** A webhook subscription written straight to the database, past the checks of the API. */
    private String storedSubscription(String url, String program) {
        String id = QuarkusTransaction.requiringNew().call(() -> {
            Subscription subscription = new Subscription();
            subscription.id = UUID.randomUUID();
            subscription.team = TEAM;
            subscription.filter = "{\"programs\":[\"" + program + "\"]}";
            subscription.channelType = ChannelType.WEBHOOK;
            subscription.url = url;
            subscription.secret = SECRET;
            subscription.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            subscription.createdBy = "webhook-test";
            subscription.persist();
            return subscription.id.toString();
        });
        subscriptions.add(id);
        return id;
    }

    private static List<String> alertIdsOf(List<TestReceiver.Received> received) {
        return received.stream().map(r -> JsonPath.from(r.body()).getString("alert.alertId")).toList();
    }

    private TestReceiver receiver() {
        try {
            TestReceiver receiver = new TestReceiver();
            receivers.add(receiver);
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String subscribe(TestReceiver receiver, String program) {
        return subscribe(receiver, program, null);
    }

    /** @param events what the webhook asks for; the default when null */
    private String subscribe(TestReceiver receiver, String program, List<String> events) {
        Map<String, Object> channel = new HashMap<>(Map.of("type", "WEBHOOK", "url", receiver.url(),
                "secret", SECRET));
        if (events != null) {
            channel.put("events", events);
        }
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("team", TEAM, "filter", Map.of("programs", List.of(program)),
                        "channel", channel))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        subscriptions.add(id);
        return id;
    }

    private static void move(Alert alert, String status) {
        given().contentType(ContentType.JSON).body(Map.of("status", status))
                .post("/api/v1/alerts/{id}/transitions", alert.id).then().statusCode(200);
    }

    /** The subscription's deliveries, newest first, once there are {@code count} and all have the status. */
    private static JsonPath awaitDeliveries(String subscription, int count, String status) {
        return await().atMost(TestAlerts.WAIT).until(() -> given().queryParam("size", 50)
                        .get("/api/v1/subscriptions/{id}/deliveries", subscription).then().statusCode(200)
                        .extract().jsonPath(),
                page -> page.getList("items").size() == count
                        && page.getList("items.status").stream().allMatch(status::equals));
    }
}
