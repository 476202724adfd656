package io.chokepoint.monitor.shipment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.monitor.support.AssessedTopic;
import io.chokepoint.monitor.support.Partners;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A shipment's state across its events, and when a new assessment is published. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ShipmentHistoryTest {

    /**
     * A shipment's events come from two agencies here (the export declaration, its amendments and cancellation from
     * China's customs, which owns the shipment; movement reports from Mexico's), each pushing its own; the shipment
     * is read whole, as an officer reads it.
     */
    @BeforeEach
    void asAnOfficer() {
        Callers.byDefault(TestTokens.officer());
    }

    @AfterEach
    void noDefaultCaller() {
        Callers.reset();
    }

    private static String submit(ObjectNode event) {
        return Partners.reporting(event).post("/api/v1/shipments")
                .then().statusCode(202).extract().path("shipmentId");
    }

    private static ValidatableResponse shipment(String shipmentId) {
        return given().get("/api/v1/shipments/" + shipmentId).then().statusCode(200);
    }

    private static String id(ObjectNode event) {
        return event.get("eventId").asText();
    }

    /** An amendment or cancellation as the declaring agency sends it: only the shipment's owner may. */
    private static ObjectNode fromTheDeclarant(String eventType, String declarationId, String occurredAt) {
        return TestEvents.bare(eventType, declarationId, occurredAt).put("reportingAgency", TestEvents.EXPORT_AGENCY);
    }

    private static ObjectNode declaredWithTwoLines(String declarationId) {
        ObjectNode declared = TestEvents.npp(TestEvents.newEventId(), declarationId);
        declared.withArray("goods").addObject().put("line", 2).put("description", "Ceramic floor tiles")
                .put("hsCode", "690721").put("quantity", 100).put("unit", "M2");
        return declared;
    }

    @Test
    void aBareDepartureKeepsTheDeclaredGoodsAndPublishesNothingNew() {
        String declarationId = TestEvents.newDeclarationId();
        ObjectNode declared = declaredWithTwoLines(declarationId);
        String shipmentId = submit(declared);
        ObjectNode departed = TestEvents.bare("DEPARTED", declarationId, "2026-11-29T08:00:00Z");
        submit(departed);

        shipment(shipmentId)
                .body("status", equalTo("DEPARTED"))
                .body("revision", equalTo(1))
                .body("current.goods.line", contains(1, 2))
                .body("current.goods[0].casNumber", equalTo("39742-60-4"))
                .body("current.exporter.country", equalTo("CN"))
                .body("current.route.transshipmentPorts", contains("KRPUS"))
                .body("events.eventType", contains("EXPORT_DECLARED", "DEPARTED"))
                .body("events[0].assessmentRevision", equalTo(1))
                .body("events[1].assessmentRevision", nullValue())
                .body("latestAssessment.sourceEventId", equalTo(id(declared)))
                .body("latestAssessment.goods[0].classification.itemCode", equalTo("NPP"));

        // An amendment after it is published; the departure, before it on the same key, never was.
        ObjectNode amended = fromTheDeclarant("AMENDED", declarationId, "2026-11-29T09:00:00Z");
        ((ObjectNode) amended.withArray("goods").get(0)).put("line", 3).put("description", "4-Anilinopiperidine")
                .put("hsCode", "293339").put("quantity", 2).put("unit", "KG");
        submit(amended);
        JsonNode revision2 = AssessedTopic.awaitFor(id(amended));
        assertEquals(2, revision2.get("revision").asInt());
        assertTrue(AssessedTopic.publishedFor(id(departed)).isEmpty());
        assertEquals(List.of(1, 2), AssessedTopic.ofShipment(shipmentId).stream()
                .map(json -> json.get("revision").asInt()).toList());
    }

    @Test
    void anAmendmentAddingAControlledGoodIsAssessedAgainWithTheWholeShipment() {
        String declarationId = TestEvents.newDeclarationId();
        ObjectNode declared = TestEvents.benign(TestEvents.newEventId(), declarationId);
        String shipmentId = submit(declared);
        shipment(shipmentId).body("flagged", equalTo(false));

        ObjectNode amended = fromTheDeclarant("AMENDED", declarationId, "2026-11-29T09:00:00Z");
        ((ObjectNode) amended.withArray("goods").get(0)).put("line", 2).put("description", "Rotary tablet press")
                .put("hsCode", "847989").put("quantity", 1).put("unit", "PCS");
        submit(amended);

        JsonNode assessed = AssessedTopic.awaitFor(id(amended));
        assertEquals(2, assessed.get("revision").asInt());
        assertEquals("AMENDED", assessed.get("eventType").asText());
        assertEquals(2, assessed.get("goods").size(), "the cotton line declared first is still there");
        assertEquals("TABLET-PRESS", assessed.at("/goods/1/classification/itemCode").asText());
        assertEquals("MX", assessed.at("/parties/1/country").asText(), "the declared consignee keeps its country");
        shipment(shipmentId).body("flagged", equalTo(true)).body("revision", equalTo(2));
    }

    @Test
    void aPartyChangeIsAssessedAgainAndAnUnassessedChangeIsNot() {
        String declarationId = TestEvents.newDeclarationId();
        String shipmentId = submit(TestEvents.npp(TestEvents.newEventId(), declarationId));

        ObjectNode newConsignee = TestEvents.npp(TestEvents.newEventId(), declarationId);
        newConsignee.put("eventType", "AMENDED").put("occurredAt", "2026-11-29T09:00:00Z");
        newConsignee.putObject("consignee").put("name", "Importadora Nueva S.A.").put("country", "GT");
        submit(newConsignee);
        JsonNode assessed = AssessedTopic.awaitFor(id(newConsignee));
        assertEquals("Importadora Nueva S.A.", assessed.at("/parties/1/name").asText());
        assertEquals(2, assessed.get("revision").asInt());

        ObjectNode newPrice = newConsignee.deepCopy();
        newPrice.put("eventId", TestEvents.newEventId()).put("occurredAt", "2026-11-29T10:00:00Z");
        ((ObjectNode) newPrice.withArray("goods").get(0).get("value")).put("amount", 999.0);
        submit(newPrice);
        shipment(shipmentId)
                .body("revision", equalTo(2))
                .body("current.goods[0].value.amount", equalTo(999.0f))
                .body("events", hasSize(3))
                .body("events[2].assessmentRevision", nullValue());
    }

    @Test
    void aMovementReportThatChangesTheRouteIsAssessedAgain() {
        String declarationId = TestEvents.newDeclarationId();
        String shipmentId = submit(TestEvents.npp(TestEvents.newEventId(), declarationId));
        ObjectNode transshipped = TestEvents.bare("TRANSSHIPPED", declarationId, "2026-12-02T00:00:00Z");
        transshipped.putObject("route").putArray("transshipmentPorts").add("PABLB");
        submit(transshipped);

        JsonNode assessed = AssessedTopic.awaitFor(id(transshipped));
        assertEquals(2, assessed.get("revision").asInt());
        assertEquals("KRPUS", assessed.at("/route/transshipmentPorts/0").asText());
        assertEquals("PABLB", assessed.at("/route/transshipmentPorts/1").asText());
        assertEquals("MXZLO", assessed.at("/route/portOfDischarge").asText(), "the declared route is kept");
        assertTrue(assessed.get("indicators").toString().contains("HIGH_RISK_TRANSSHIPMENT"));
        shipment(shipmentId).body("status", equalTo("TRANSSHIPPED")).body("events[1].assessmentRevision", equalTo(2));
    }

    @Test
    void aCancellationIsPublishedAndStays() {
        String declarationId = TestEvents.newDeclarationId();
        String shipmentId = submit(TestEvents.npp(TestEvents.newEventId(), declarationId));
        ObjectNode cancelled = fromTheDeclarant("CANCELLED", declarationId, "2026-11-29T00:00:00Z");
        submit(cancelled);
        JsonNode assessed = AssessedTopic.awaitFor(id(cancelled));
        assertEquals("CANCELLED", assessed.get("eventType").asText());
        assertEquals("NPP", assessed.at("/goods/0/classification/itemCode").asText(), "the goods are still known");

        submit(TestEvents.bare("ARRIVED", declarationId, "2026-12-10T00:00:00Z"));
        shipment(shipmentId)
                .body("status", equalTo("CANCELLED"))
                .body("cancelled", equalTo(true))
                .body("cancelledAt", equalTo("2026-11-29T00:00:00Z"))
                .body("revision", equalTo(2))
                .body("events.eventType", contains("EXPORT_DECLARED", "CANCELLED", "ARRIVED"));
    }

    @Test
    void eventsArrivingOutOfOrderGiveTheSameShipment() {
        String declarationId = TestEvents.newDeclarationId();
        ObjectNode declared = declaredWithTwoLines(declarationId);
        // The amendment restates line 1 without its CAS number: a declared line is replaced whole.
        ObjectNode amended = fromTheDeclarant("AMENDED", declarationId, "2026-11-29T09:00:00Z");
        ((ObjectNode) amended.withArray("goods").get(0)).put("description", "N-Phenethyl-4-piperidone")
                .put("hsCode", "293337").put("quantity", 40).put("unit", "KG");
        ObjectNode arrived = TestEvents.bare("ARRIVED", declarationId, "2026-12-10T00:00:00Z");

        // The amendment comes first, so its agency (the declarant) owns the shipment before the declaration arrives.
        String shipmentId = submit(amended);
        submit(arrived);
        submit(declared);

        shipment(shipmentId)
                .body("status", equalTo("ARRIVED"))
                .body("statusAt", equalTo("2026-12-10T00:00:00Z"))
                .body("current.goods.line", contains(1, 2))
                .body("current.goods[0].quantity", equalTo(40))
                .body("current.goods[0].casNumber", nullValue())
                .body("current.consignee.country", equalTo("MX"))
                .body("events.eventType", contains("EXPORT_DECLARED", "AMENDED", "ARRIVED"))
                .body("latestAssessment.goods[0].quantity", equalTo(40))
                .body("latestAssessment.goods[0].classification.itemCode", equalTo("NPP"));
    }
}
