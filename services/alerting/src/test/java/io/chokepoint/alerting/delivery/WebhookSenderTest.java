package io.chokepoint.alerting.delivery;

import io.chokepoint.alerting.targets.WebhookTargets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One attempt against a local receiver: what is sent, and how each kind of failure is reported. */
class WebhookSenderTest {

    private static final String SECRET = "a-secret-of-sixteen+";
    private static final String BODY = "{\"deliveryId\":\"d-1\",\"alert\":{\"alertId\":\"a-1\"}}";

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final WebhookSender sender = sender(List.of("127.0.0.1"));
    private final List<TestReceiver> others = new ArrayList<>();
    private TestReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = new TestReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        others.forEach(TestReceiver::close);
        executor.shutdownNow();
    }

    @Test
    void postsTheExactBodySignedWithTheSecret() throws Exception {
        AttemptResult result = sender.send(receiver.url(), SECRET, "d-1", "alert.raised", 3, BODY)
                .get(10, TimeUnit.SECONDS);

        assertTrue(result.delivered());
        assertEquals(204, result.statusCode());
        TestReceiver.Received request = receiver.received().get(0);
        assertEquals(BODY, request.body());
        assertEquals(WebhookSignature.of(SECRET, BODY.getBytes(StandardCharsets.UTF_8)),
                request.header(WebhookSignature.HEADER));
        assertEquals("d-1", request.header(WebhookSender.DELIVERY_HEADER));
        assertEquals("3", request.header(WebhookSender.ATTEMPT_HEADER));
        assertEquals("alert.raised", request.header(WebhookSender.EVENT_HEADER));
        assertNotNull(java.time.Instant.parse(request.header(WebhookSender.TIMESTAMP_HEADER)));
        assertEquals("application/json", request.header("Content-Type"));
    }

    @Test
    void anAnswerOtherThan2xxIsAFailureWithItsStatus() throws Exception {
        receiver.failFirst(1);
        AttemptResult result = sender.send(receiver.url(), SECRET, "d-1", "alert.raised", 1, BODY)
                .get(10, TimeUnit.SECONDS);
        assertEquals(500, result.statusCode());
        assertEquals("answered HTTP 500", result.error());
    }

    @Test
    void aReceiverThatDoesNotAnswerTimesOut() throws Exception {
        receiver.hold();
        long start = System.nanoTime();
        AttemptResult result = sender.send(receiver.url(), SECRET, "d-1", "alert.raised", 1, BODY)
                .get(10, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertNull(result.statusCode());
        assertTrue(result.error().startsWith("no answer within"), result.error());
        assertTrue(millis < 5_000, "gave up after " + millis + " ms");
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        AttemptResult result = sender.send("http://127.0.0.1:" + port + "/hook", SECRET, "d-1", "alert.raised", 1,
                BODY).get(10, TimeUnit.SECONDS);
        assertNull(result.statusCode());
        assertEquals("connection refused", result.error());
    }

    /** A 302 is a failed attempt naming where it pointed; the place it pointed to is never called. */
    @Test
    void aRedirectIsNotFollowed() throws Exception {
        TestReceiver elsewhere = new TestReceiver();
        others.add(elsewhere);
        receiver.redirectTo(elsewhere.url());

        AttemptResult result = sender.send(receiver.url(), SECRET, "d-1", "alert.raised", 1, BODY)
                .get(10, TimeUnit.SECONDS);

        assertEquals(302, result.statusCode());
        assertEquals("answered HTTP 302 redirecting to " + elsewhere.url() + "; redirects are not followed",
                result.error());
        assertEquals(1, receiver.received().size());
        assertEquals(List.of(), elsewhere.received());
    }

    /** Checked again before sending: a target the rules refuse is a failed attempt with the reason, nothing sent. */
    @Test
    void aRefusedTargetIsNotSentTo() throws Exception {
        WebhookSender strict = sender(List.of());
        String https = receiver.url().replace("http://", "https://");

        AttemptResult loopback = strict.send(https, SECRET, "d-1", "alert.raised", 1, BODY).get(10, TimeUnit.SECONDS);
        AttemptResult plain = strict.send(receiver.url(), SECRET, "d-1", "alert.raised", 1, BODY)
                .get(10, TimeUnit.SECONDS);

        assertNull(loopback.statusCode());
        assertEquals("not sent: host 127.0.0.1 resolves to a loopback address 127.0.0.1; such addresses are only for "
                + "hosts in chokepoint.webhooks.allowed-hosts", loopback.error());
        assertEquals("not sent: must use https; plain http is only for hosts in chokepoint.webhooks.allowed-hosts",
                plain.error());
        assertEquals(List.of(), receiver.received());
    }

    private WebhookSender sender(List<String> allowedHosts) {
        return new WebhookSender(Duration.ofSeconds(2), Duration.ofMillis(500), executor,
                new WebhookTargets(allowedHosts, InetAddress::getAllByName));
    }
}
