package io.chokepoint.local.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.chokepoint.local.eval.EvaluationCase;
import io.chokepoint.local.eval.SuiteClient;
import io.chokepoint.local.tokens.DevCredentials;
import io.chokepoint.local.tokens.SigningKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real HTTP server standing for the batch endpoint, refusing the first request with a 429. */
class RestShipmentSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFUSED_DECLARATION = "D-7";

    private HttpServer server;
    private final List<JsonNode> batches = new CopyOnWriteArrayList<>();
    private final AtomicBoolean refuseNext = new AtomicBoolean(true);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/shipments/batch", exchange -> {
            JsonNode events = JSON.readTree(exchange.getRequestBody());
            boolean refuse = refuseNext.getAndSet(false);
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode results = answer.putArray("results");
            if (!refuse) {
                batches.add(events);
                events.forEach(event -> results.addObject().put("eventId", event.path("eventId").asText())
                        .put("status", REFUSED_DECLARATION.equals(event.path("declarationId").asText()) ? "INVALID" : "ACCEPTED"));
            } else {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.sendResponseHeaders(refuse ? 429 : 202, body.length);
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

    @Test
    void saturatingPostsFullBatchesOfOneAgencyEachAndCountsWhatWasAccepted() throws Exception {
        URI address = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        SuiteClient suite = new SuiteClient(address, address, address, new DevCredentials(SigningKeys.generate(), "load-test"));
        SentShipments sent = new SentShipments();
        List<EvaluationCase> events = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            events.add(event(i, i % 3 == 0 ? "US-CBP" : "MX-ANAM"));
        }
        try (RestShipmentSink sink = new RestShipmentSink(suite, sent, true)) {
            for (int from = 0; from < events.size(); from += 100) {
                sink.send(events.subList(from, Math.min(events.size(), from + 100)));
            }
            sink.flush();
        }

        assertEquals(449, sent.confirmed(), "every event but the one refused, after the 429 was waited out");
        assertEquals(1, sent.failed());
        assertEquals(449, sent.sent(), "the refused event is out of the run");
        assertEquals(450, batches.stream().mapToInt(JsonNode::size).sum());
        assertEquals(List.of(100, 150, 200), batches.stream().map(JsonNode::size).sorted().toList(),
                "each agency's events in batches of 200 and one remainder (150 and 300 events)");
        for (JsonNode batch : batches) {
            Set<String> agencies = new HashSet<>();
            batch.forEach(event -> agencies.add(event.path("reportingAgency").asText()));
            assertEquals(1, agencies.size(), "a batch is one agency's");
        }
        assertTrue(sent.lastConfirmedAtMillis() > 0);
    }

    private static EvaluationCase event(int index, String agency) {
        ObjectNode event = JSON.createObjectNode().put("eventId", "e-" + index).put("declarationId", "D-" + index)
                .put("reportingAgency", agency);
        return new EvaluationCase("C", event, null, null);
    }
}
