package io.chokepoint.alerting.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.Scrape;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook deliveries as {@code /q/metrics} counts them, against receivers on loopback: a failed attempt then a
 * delivered one, a delivery parked then resent, the attempt timer, and the queue gauge against the database.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class WebhookMetricsTest {

    private static final String DELIVERIES = "chokepoint_webhook_deliveries_total";
    private static final String DURATION = "chokepoint_webhook_attempt_duration_seconds";
    private static final String QUEUE_DEPTH = "chokepoint_webhook_queue_depth";
    private static final String TEAM = "metrics-test";

    @Inject
    ObjectMapper mapper;

    private final List<TestReceiver> receivers = new ArrayList<>();
    private final List<String> subscriptions = new ArrayList<>();

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
    void aFailedAttemptThenADeliveredOneAreCountedAndTimed() throws IOException {
        TestReceiver receiver = receiver().failFirst(1);
        String program = TestAlerts.uniqueProgram();
        String subscription = subscribe(receiver, program);
        Scrape before = Scrape.now();

        TestAlerts.raise(mapper, 1, program);
        awaitDelivery(subscription, "DELIVERED");

        Scrape after = await().atMost(TestAlerts.WAIT).until(Scrape::now, scrape ->
                delta(before, scrape, DELIVERIES, "outcome", "failed") >= 1
                        && delta(before, scrape, DELIVERIES, "outcome", "delivered") >= 1
                        // every recorded attempt is timed, whatever else was sent meanwhile
                        && delta(before, scrape, DURATION + "_count")
                        == delta(before, scrape, DELIVERIES, "outcome", "failed")
                        + delta(before, scrape, DELIVERIES, "outcome", "delivered"));
        assertEquals(2, receiver.received().size());
        assertTrue(delta(before, after, DURATION + "_count") >= 2);
        assertTrue(after.find(DURATION + "_bucket").size() > 10, "a histogram for percentiles");
        assertEquals(1, after.find(DELIVERIES, "outcome", "delivered", "application", "alerting").size());
    }

    @Test
    void aParkedDeliveryIsCountedQueuedAndResent() throws IOException {
        TestReceiver receiver = receiver().failAlways();
        String program = TestAlerts.uniqueProgram();
        String subscription = subscribe(receiver, program);
        Scrape before = Scrape.now();

        TestAlerts.raise(mapper, 1, program);
        awaitDelivery(subscription, "PARKED");
        await().atMost(TestAlerts.WAIT).until(() ->
                delta(before, Scrape.now(), DELIVERIES, "outcome", "parked") >= 1);
        long queued = awaitQueueGaugeMatchesTheDatabase();
        assertTrue(queued >= 1, "the parked delivery is in the queue: " + queued);

        receiver.succeed();
        Scrape beforeResend = Scrape.now();
        given().post("/api/v1/subscriptions/{id}/deliveries/resend-parked", subscription)
                .then().statusCode(200);
        assertEquals(1.0, delta(beforeResend, Scrape.now(), DELIVERIES, "outcome", "resent"));
        awaitDelivery(subscription, "DELIVERED");
        assertEquals(queued - 1, awaitQueueGaugeMatchesTheDatabase(), "delivered, so out of the queue");
    }

    /** The gauge once it shows what the database counts (it is refreshed every second in tests). */
    private static long awaitQueueGaugeMatchesTheDatabase() {
        return await().atMost(TestAlerts.WAIT).until(() -> {
            long counted = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.count("status in ?1",
                    List.of(DeliveryStatus.PENDING, DeliveryStatus.PARKED)));
            return Scrape.now().value(QUEUE_DEPTH) == counted ? counted : -1L;
        }, counted -> counted >= 0);
    }

    private static void awaitDelivery(String subscription, String status) {
        await().atMost(TestAlerts.WAIT).until(() -> given().get("/api/v1/subscriptions/{id}/deliveries", subscription)
                .then().statusCode(200).extract().jsonPath().getList("items.status"), List.of(status)::equals);
    }

    private TestReceiver receiver() throws IOException {
        TestReceiver receiver = new TestReceiver();
        receivers.add(receiver);
        return receiver;
    }

    private String subscribe(TestReceiver receiver, String program) {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("team", TEAM, "filter", Map.of("programs", List.of(program)),
                        "channel", Map.of("type", "WEBHOOK", "url", receiver.url(),
                                "secret", "s3cret-for-the-metrics-test")))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        subscriptions.add(id);
        return id;
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
