package io.chokepoint.e2e;

import io.chokepoint.testing.Traceparent;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * One trace follows a shipment through the three running services, from the partner's REST call or Kafka record to
 * its alert: each record it leads to (on {@code shipments.assessed}, {@code screening.results} and
 * {@code alerts.raised}, every one sent through a service's outbox) carries a {@code traceparent} of the partner's
 * trace, from a span of its own. Nothing is exported (the default); the context travels all the same.
 */
@ExtendWith(RunningSuite.class)
class ShipmentTraceIT {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String CONSIGNEE = "Tracewell Precursor Supply Co., Ltd.";
    private static final String NPP_LINE = """
            {"line": 1, "description": "N-Phenethyl-4-piperidone", "hsCode": "293337",
             "casNumber": "39742-60-4", "quantity": 25, "unit": "KG",
             "value": {"amount": 1200.00, "currency": "USD"}}""";

    @BeforeAll
    static void designateTheConsignee() {
        given().baseUri(RunningSuite.url("sanctions-registry")).header(RunningSuite.as("registry-admin"))
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "TRACEWELL PRECURSOR SUPPLY CO., LTD.", "type": "ORGANIZATION",
                         "countries": ["CN"], "programs": ["SDNTK"]}""")
                .post("/api/v1/entities")
                .then().statusCode(201).body("entityId", notNullValue());
    }

    @Test
    void theTraceOfARestCallReachesTheAlert() {
        Traceparent caller = Traceparent.random();
        String declarationId = "IN-CBIC-" + UUID.randomUUID();

        given().baseUri(RunningSuite.url("shipment-monitor")).header(RunningSuite.as("partner"))
                .contentType(ContentType.JSON).header("traceparent", caller.toString())
                .body(shipmentEvent(declarationId))
                .post("/api/v1/shipments")
                .then().statusCode(202);

        assertTheRecordsContinue(caller, declarationId);
    }

    @Test
    void theTraceOfAnInboundRecordReachesTheAlert() throws Exception {
        Traceparent partner = Traceparent.random();
        String declarationId = "IN-CBIC-" + UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>("shipments.inbound", declarationId,
                shipmentEvent(declarationId));
        record.headers().add("traceparent", partner.toString().getBytes(StandardCharsets.UTF_8));

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSuite.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(record).get();
        }

        assertTheRecordsContinue(partner, declarationId);
    }

    private static void assertTheRecordsContinue(Traceparent origin, String declarationId) {
        JsonPath alerts = await("alert for " + declarationId).atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> alertsFor(declarationId), found -> !found.getList("items").isEmpty());
        String shipmentId = alerts.getString("items[0].shipmentId");
        String alertId = alerts.getString("items[0].alertId");

        Traceparent assessed = traceparentOf(firstRecord("shipments.assessed", shipmentId));
        Traceparent screened = traceparentOf(firstRecord("screening.results", shipmentId));
        Traceparent raised = traceparentOf(firstRecord("alerts.raised", alertId));

        assertEquals(origin.traceId(), assessed.traceId(), "shipment-monitor's assessment continues the trace");
        assertEquals(origin.traceId(), screened.traceId(), "sanctions-registry's screening continues the trace");
        assertEquals(origin.traceId(), raised.traceId(), "alerting's alert continues the trace");
        assertEquals(4, Set.of(origin.spanId(), assessed.spanId(), screened.spanId(), raised.spanId()).size(),
                "each record is sent from a span of its own: " + List.of(origin, assessed, screened, raised));
    }

    private static String shipmentEvent(String declarationId) {
        return """
                {"eventId": "%s", "eventType": "EXPORT_DECLARED", "declarationId": "%s",
                 "reportingAgency": "IN-CBIC", "occurredAt": "%s",
                 "exporter": {"name": "Mumbai Example Fine Chemicals Pvt. Ltd.", "country": "IN"},
                 "consignee": {"name": "%s", "country": "CN"},
                 "route": {"originCountry": "IN", "destinationCountry": "CN", "portOfLoading": "INNSA",
                           "portOfDischarge": "CNSHA", "modeOfTransport": "SEA"},
                 "goods": [%s]}""".formatted(UUID.randomUUID(), declarationId, Instant.now(), CONSIGNEE, NPP_LINE);
    }

    private static JsonPath alertsFor(String declarationId) {
        return given().baseUri(RunningSuite.url("alerting")).header(RunningSuite.as("officer"))
                .queryParam("declarationId", declarationId)
                .get("/api/v1/alerts")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** The first record of the topic with this key (what the flow sent, not a later re-screening), waited for. */
    private static ConsumerRecord<String, String> firstRecord(String topic, String key) {
        return await(topic + " record " + key).atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> TopicRecords.first(topic, key), found -> found != null);
    }

    private static Traceparent traceparentOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertNotNull(header, "a traceparent on " + record.topic() + " record " + record.key());
        return Traceparent.parse(new String(header.value(), StandardCharsets.UTF_8));
    }
}
