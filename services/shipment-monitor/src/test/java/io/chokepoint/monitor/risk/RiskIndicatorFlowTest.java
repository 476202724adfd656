package io.chokepoint.monitor.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.monitor.support.AssessedTopic;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Indicators as published, with the test profile's lists: high-risk country VE, ports PABLB and NLRTM, 50 KG for NPP
 * and 1 KG for other precursors.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class RiskIndicatorFlowTest {

    /** The test events' agency pushes them and reads its own shipments. */
    @BeforeEach
    void defaultCaller() {
        Callers.byDefault(TestTokens.partner(TestEvents.EXPORT_AGENCY));
    }

    @AfterEach
    void noDefaultCaller() {
        Callers.reset();
    }

    private static String submit(ObjectNode event) {
        return given().contentType(ContentType.JSON).body(event.toString()).post("/api/v1/shipments")
                .then().statusCode(202).extract().path("shipmentId");
    }

    /** The contract's NPP shipment between parties no other test uses. */
    private static ObjectNode newPair(String declarationId) {
        ObjectNode event = TestEvents.npp(TestEvents.newEventId(), declarationId);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ((ObjectNode) event.get("exporter")).put("name", "Exporter " + tag + " Co., Ltd.");
        ((ObjectNode) event.get("consignee")).put("name", "Consignee " + tag + " S.A.");
        return event;
    }

    private static List<String> codes(JsonNode assessment) {
        List<String> codes = new ArrayList<>();
        assessment.get("indicators").forEach(indicator -> codes.add(indicator.get("code").asText()));
        return codes;
    }

    private static JsonNode indicator(JsonNode assessment, String code) {
        for (JsonNode indicator : assessment.get("indicators")) {
            if (indicator.get("code").asText().equals(code)) {
                return indicator;
            }
        }
        throw new AssertionError(code + " not in " + assessment.get("indicators"));
    }

    @Test
    void everyIndicatorIsPublishedWithItsReasonAndWeight() {
        ObjectNode event = newPair(TestEvents.newDeclarationId());
        ((ObjectNode) event.get("route")).putArray("transshipmentPorts").add("PABLB");
        ((ObjectNode) event.withArray("goods").get(0)).put("quantity", 60);
        String shipmentId = submit(event);

        JsonNode assessed = AssessedTopic.awaitFor(event.get("eventId").asText());
        assertThat(codes(assessed), containsInAnyOrder("HIGH_RISK_TRANSSHIPMENT", "QUANTITY_ABOVE_THRESHOLD",
                "FIRST_TIME_TRADING_PAIR"));
        assertEquals("Transshipment port PABLB is configured as high-risk",
                indicator(assessed, "HIGH_RISK_TRANSSHIPMENT").get("description").asText());
        assertEquals(0.3, indicator(assessed, "HIGH_RISK_TRANSSHIPMENT").get("weight").asDouble());
        assertThat(indicator(assessed, "QUANTITY_ABOVE_THRESHOLD").get("description").asText(),
                containsString("NPP: 60 KG on line 1 is above the threshold of 50 KG set for NPP"));
        assertEquals("NPP", assessed.at("/goods/0/classification/itemCode").asText());
        given().get("/api/v1/shipments/" + shipmentId).then()
                .body("flagged", equalTo(true))
                .body("latestAssessment.indicators.code", containsInAnyOrder("HIGH_RISK_TRANSSHIPMENT",
                        "QUANTITY_ABOVE_THRESHOLD", "FIRST_TIME_TRADING_PAIR"));
    }

    @Test
    void aTradingPairIsNewOnlyOnItsFirstShipmentAndStaysSoThere() {
        ObjectNode first = newPair(TestEvents.newDeclarationId());
        submit(first);
        assertEquals(List.of("FIRST_TIME_TRADING_PAIR"), codes(AssessedTopic.awaitFor(first.get("eventId").asText())));

        ObjectNode second = first.deepCopy();
        second.put("eventId", TestEvents.newEventId()).put("declarationId", TestEvents.newDeclarationId());
        submit(second);
        assertEquals(List.of(), codes(AssessedTopic.awaitFor(second.get("eventId").asText())));

        ObjectNode amended = first.deepCopy();
        amended.put("eventId", TestEvents.newEventId()).put("eventType", "AMENDED")
                .put("occurredAt", "2026-11-29T08:00:00Z");
        ((ObjectNode) amended.withArray("goods").get(0)).put("quantity", 30);
        submit(amended);
        JsonNode reassessed = AssessedTopic.awaitFor(amended.get("eventId").asText());
        assertEquals(2, reassessed.get("revision").asInt());
        assertEquals(List.of("FIRST_TIME_TRADING_PAIR"), codes(reassessed));
    }

    @Test
    void aRouteThatDoublesBackFlagsBenignGoodsWithoutMakingThemControlled() {
        ObjectNode event = TestEvents.benign(TestEvents.newEventId(), TestEvents.newDeclarationId());
        ((ObjectNode) event.get("route")).putArray("transshipmentPorts").add("KRPUS").add("CNNGB");
        String shipmentId = submit(event);

        JsonNode assessed = AssessedTopic.awaitFor(event.get("eventId").asText());
        assertThat(indicator(assessed, "ROUTE_DOUBLES_BACK").get("description").asText(),
                containsString("Transshipment port CNNGB is in CN, the origin country"));
        assertEquals("NONE", assessed.at("/goods/0/classification/category").asText());
        assertFalse(assessed.path("goods").get(0).path("classification").path("misdeclared").asBoolean());
        given().get("/api/v1/shipments/" + shipmentId).then().body("flagged", equalTo(true));
    }
}
