package io.chokepoint.local;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Against a real HTTP server that refuses a number of times; the waits are recorded instead of slept. */
class RetryAfterTest {

    private HttpServer server;
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String retryAfter = "3";
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/shipments/batch", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            boolean refuse = refusalsLeft.getAndDecrement() > 0;
            byte[] body = (refuse ? "{\"message\":\"Too many requests\"}" : "{\"results\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            if (refuse && retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(refuse ? 429 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpResponse<String> post() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/shipments/batch"))
                .POST(HttpRequest.BodyPublishers.ofString("[{\"eventId\":\"e-1\"}]")).build();
        return new RetryAfter(HttpClient.newHttpClient(), waits::add).send(request);
    }

    @Test
    void waitsWhatTheServiceSaysThenSendsAgain() throws Exception {
        refusalsLeft.set(2);
        HttpResponse<String> response = post();
        assertEquals(200, response.statusCode());
        assertEquals("{\"results\":[]}", response.body());
        assertEquals(3, requests.get());
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), waits);
    }

    @Test
    void givesUpAfterItsRetriesWithTheLastAnswer() throws Exception {
        refusalsLeft.set(Integer.MAX_VALUE);
        assertEquals(429, post().statusCode());
        assertEquals(1 + RetryAfter.MAX_RETRIES, requests.get());
        assertEquals(RetryAfter.MAX_RETRIES, waits.size());
    }

    @Test
    void aMissingOrUnreadableRetryAfterWaitsASecondAndALongOneAMinute() throws Exception {
        retryAfter = null;
        refusalsLeft.set(1);
        post();
        retryAfter = "Wed, 21 Oct 2026 07:28:00 GMT";
        refusalsLeft.set(1);
        post();
        retryAfter = "3600";
        refusalsLeft.set(1);
        post();
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60)), waits);
    }

    @Test
    void anAnswerOtherThan429IsNotRetried() throws Exception {
        assertEquals(200, post().statusCode());
        assertEquals(1, requests.get());
        assertEquals(List.of(), waits);
    }
}
