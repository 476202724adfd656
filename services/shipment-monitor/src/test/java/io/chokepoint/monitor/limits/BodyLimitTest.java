package io.chokepoint.monitor.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The body size limit: a batch of 1000 full events fits; a larger body is refused before it is read. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class BodyLimitTest {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    /** The test events' agency pushes them. */
    @BeforeEach
    void asTheReportingPartner() {
        Callers.byDefault(TestTokens.partner(TestEvents.EXPORT_AGENCY));
    }

    @AfterEach
    void noDefaultCaller() {
        Callers.reset();
    }

    /** An event with everything a partner may fill: every party with an address and identifiers, five goods lines. */
    private static ObjectNode fullEvent() {
        ObjectNode event = TestEvents.npp();
        for (String role : new String[]{"exporter", "consignee", "notifyParty", "intermediateConsignee", "forwarder"}) {
            ObjectNode party = event.with(role);
            party.put("name", party.path("name").asText("Pacific Example Logistics Co., Ltd."))
                    .put("address", "Room 1201, 500 Example Road, Pudong New Area, Shanghai 200120, China");
            party.putArray("identifiers").add(JsonNodeFactory.instance.objectNode()
                    .put("scheme", "USCI").put("value", "91310115MA1HXXXXX1"));
        }
        ArrayNode goods = event.putArray("goods");
        for (int line = 1; line <= 5; line++) {
            ObjectNode item = goods.addObject().put("line", line)
                    .put("description", "N-Phenethyl-4-piperidone (NPP), white crystalline powder, purity 99%,"
                            + " packed in 25 kg fibre drums")
                    .put("hsCode", "2933.37").put("casNumber", "39742-60-4").put("quantity", 25000).put("unit", "KG");
            item.putObject("value").put("amount", 120000.00).put("currency", "USD");
        }
        return event;
    }

    /**
     * One event sent a thousand times, pretty-printed: the first is taken and the others answer duplicate, so that the
     * test measures the size limit rather than the speed of ingestion.
     */
    @Test
    void aBatchOfAThousandFullEventsFits() throws Exception {
        ObjectNode event = fullEvent();
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 1000; i++) {
            batch.add(event);
        }
        byte[] body = PRETTY.writeValueAsBytes(batch);
        assertTrue(body.length > 3_000_000, "a realistic batch: " + body.length + " bytes");
        assertTrue(body.length < maxBodySize.asLongValue(), body.length + " bytes over the limit " + maxBodySize);

        given().contentType(ContentType.JSON).body(body).post("/api/v1/shipments/batch").then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("duplicates", equalTo(999))
                .body("rejected", equalTo(0));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413NamingTheLimit() throws IOException {
        long limit = maxBodySize.asLongValue();
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/shipments/batch HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: " + Callers.bearer(TestTokens.partner(TestEvents.EXPORT_AGENCY)) + "\r\n"
                    + "Content-Length: " + (limit + 1) + "\r\n\r\n[").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("HTTP/1.1 413 Request Entity Too Large", in.readLine());
            String answer = in.lines().collect(Collectors.joining("\n"));
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
            assertTrue(answer.endsWith("{\"errors\":[{\"field\":\"body\",\"message\":\"is over the limit of " + limit
                    + " bytes\"}]}"), answer);
        }
    }
}
