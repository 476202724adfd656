package io.chokepoint.alerting.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.alerting.alerts.Alert;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.Scrape;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stream as {@code /q/metrics} shows it, read by a real HTTP client: clients connected and events sent. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class StreamMetricsTest {

    private static final String CLIENTS = "chokepoint_stream_clients";
    private static final String SENT = "chokepoint_stream_events_sent_total";

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
    void aClientIsCountedWhileConnectedWithTheEventsItWasSent() throws Exception {
        // clients of earlier tests are gone at their next heartbeat (every second in tests)
        await().atMost(TestAlerts.WAIT).until(() -> hub.clientCount() == 0 && clients() == 0);
        String program = TestAlerts.uniqueProgram();
        Scrape before = Scrape.now();

        try (SseReader reader = SseReader.open(URI.create(stream + "?program=" + program), TestTokens.officer(),
                null)) {
            await().atMost(TestAlerts.WAIT).until(() -> clients() == 1);
            Alert alert = TestAlerts.raise(mapper, 1, program).get(0);
            assertEquals("alert", reader.take(1, TestAlerts.WAIT).get(0).name());
            given().contentType(ContentType.JSON).body(Map.of("status", "ACKNOWLEDGED"))
                    .post("/api/v1/alerts/{id}/transitions", alert.id).then().statusCode(200);
            assertEquals("alert-updated", reader.take(1, TestAlerts.WAIT).get(0).name());

            // counted when the write completes, on a thread of the service, not when the client reads it
            await().atMost(TestAlerts.WAIT).until(() -> List.of(1.0, 1.0).equals(List.of(
                    delta(before, Scrape.now(), "event", "alert"),
                    delta(before, Scrape.now(), "event", "alert-updated"))));
            assertEquals(1, Scrape.now().find(CLIENTS, "application", "alerting").size());
        }
        await().atMost(TestAlerts.WAIT).until(() -> clients() == 0);
    }

    private static double clients() {
        return Scrape.now().value(CLIENTS);
    }

    private static double delta(Scrape before, Scrape after, String... labels) {
        return after.value(SENT, labels) - before.value(SENT, labels);
    }
}
