package io.chokepoint.alerting.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    private final WebhookSender sender = new WebhookSender(Duration.ofSeconds(2), Duration.ofMillis(500), executor);
    private TestReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = new TestReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
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
}
