package io.chokepoint.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A shipment flows through the three running services:
 * shipment-monitor -> shipments.assessed -> sanctions-registry -> screening.results -> alerting.
 */
@ExtendWith(RunningSuite.class)
class ShipmentToAlertIT {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String NPP_LINE = """
            {"line": 1, "description": "N-Phenethyl-4-piperidone", "hsCode": "293337",
             "casNumber": "39742-60-4", "quantity": 25, "unit": "KG",
             "value": {"amount": 1200.00, "currency": "USD"}}""";

    @Test
    void precursorToSanctionedConsigneeRaisesAnAlert() {
        String entityId = given().baseUri(RunningSuite.url("sanctions-registry")).header(RunningSuite.as("registry-admin"))
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD.", "type": "ORGANIZATION",
                         "countries": ["CN"], "programs": ["SDNTK"]}""")
                .post("/api/v1/entities")
                .then().statusCode(201).body("entityId", notNullValue())
                .extract().path("entityId");

        String declarationId = "IN-CBIC-" + UUID.randomUUID();
        String shipmentId = postShipment(declarationId, "Qinsheng Pharmaceutical Technology Co., Ltd.");

        JsonPath alert = await("alert for " + declarationId).atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> alertsFor(declarationId), alerts -> !alerts.getList("items").isEmpty());
        assertEquals(1, alert.getList("items").size(), "one alert for one party and one entity");
        assertEquals("PRECURSOR_TO_SANCTIONED_PARTY", alert.getString("items[0].type"));
        assertEquals(shipmentId, alert.getString("items[0].shipmentId"));
        assertEquals(declarationId, alert.getString("items[0].declarationId"));
        assertEquals("CONSIGNEE", alert.getString("items[0].party.role"));
        assertEquals(entityId, alert.getString("items[0].entity.entityId"));
        assertEquals("QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD.", alert.getString("items[0].entity.name"));

        String alertId = alert.getString("items[0].alertId");
        given().baseUri(RunningSuite.url("alerting")).header(RunningSuite.as("officer"))
                .get("/api/v1/alerts/{id}", alertId)
                .then().statusCode(200)
                .body("goods", hasSize(1))
                .body("goods[0].classification.itemCode", equalTo("NPP"));
    }

    @Test
    void cleanConsigneeRaisesNoAlert() throws Exception {
        String declarationId = "IN-CBIC-" + UUID.randomUUID();
        String shipmentId = postShipment(declarationId, "Pacific Rim Imports LLC");

        // No alert is only meaningful once alerting has consumed the shipment's screening result.
        ConsumerRecord<String, String> result = await("screening result for " + shipmentId).atMost(FLOW_TIMEOUT)
                .until(() -> TopicRecords.first("screening.results", shipmentId),
                        found -> found != null);
        TopicPartition partition = new TopicPartition(result.topic(), result.partition());
        await("alerting consumed " + partition + "@" + result.offset()).atMost(FLOW_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> committedOffset("alerting", partition) > result.offset());

        assertEquals(0, alertsFor(declarationId).getList("items").size());
    }

    private static String postShipment(String declarationId, String consignee) {
        String event = """
                {"eventId": "%s", "eventType": "EXPORT_DECLARED", "declarationId": "%s",
                 "reportingAgency": "IN-CBIC", "occurredAt": "%s",
                 "exporter": {"name": "Mumbai Example Fine Chemicals Pvt. Ltd.", "country": "IN"},
                 "consignee": {"name": "%s", "country": "CN"},
                 "route": {"originCountry": "IN", "destinationCountry": "CN", "portOfLoading": "INNSA",
                           "portOfDischarge": "CNSHA", "modeOfTransport": "SEA"},
                 "goods": [%s]}""".formatted(UUID.randomUUID(), declarationId, Instant.now(), consignee, NPP_LINE);
        return given().baseUri(RunningSuite.url("shipment-monitor")).header(RunningSuite.as("partner"))
                .contentType(ContentType.JSON).body(event)
                .post("/api/v1/shipments")
                .then().statusCode(202).body("shipmentId", notNullValue())
                .extract().path("shipmentId");
    }

    private static JsonPath alertsFor(String declarationId) {
        return given().baseUri(RunningSuite.url("alerting")).header(RunningSuite.as("officer"))
                .queryParam("declarationId", declarationId)
                .get("/api/v1/alerts")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static long committedOffset(String group, TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSuite.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata committed = offsets.get(partition);
            return committed == null ? -1 : committed.offset();
        }
    }
}
