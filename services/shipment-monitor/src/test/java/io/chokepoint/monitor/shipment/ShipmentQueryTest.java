package io.chokepoint.monitor.shipment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ShipmentQueryTest {

    private static String submit(ObjectNode event) {
        return given().contentType(ContentType.JSON).body(event.toString()).post("/api/v1/shipments")
                .then().statusCode(202).extract().path("shipmentId");
    }

    @Test
    void aShipmentComesWithItsHistoryAndLatestAssessment() {
        ObjectNode event = TestEvents.npp();
        String shipmentId = submit(event);

        given().get("/api/v1/shipments/" + shipmentId).then()
                .statusCode(200)
                .body("shipmentId", equalTo(shipmentId))
                .body("declarationId", equalTo(event.get("declarationId").asText()))
                .body("reportingAgency", equalTo("CN-GACC"))
                .body("status", equalTo("EXPORT_DECLARED"))
                .body("flagged", equalTo(true))
                .body("createdAt", notNullValue())
                .body("events", hasSize(1))
                .body("events[0].eventId", equalTo(event.get("eventId").asText()))
                .body("events[0].channel", equalTo("REST"))
                .body("events[0].event.goods[0].casNumber", equalTo("39742-60-4"))
                .body("latestAssessment.shipmentId", equalTo(shipmentId))
                .body("latestAssessment.sourceEventId", equalTo(event.get("eventId").asText()))
                .body("latestAssessment.parties.role",
                        containsInAnyOrder("EXPORTER", "CONSIGNEE", "NOTIFY_PARTY", "FORWARDER"))
                .body("latestAssessment.goods[0].classification.category", equalTo("PRECURSOR"))
                .body("latestAssessment.goods[0].classification.itemCode", equalTo("NPP"))
                .body("latestAssessment.goods[0].classification.misdeclared", equalTo(false));
    }

    @Test
    void theEventIsStoredExactlyAsSent() {
        ObjectNode event = TestEvents.npp();
        String body = event.toPrettyString();
        given().contentType(ContentType.JSON).body(body).post("/api/v1/shipments").then().statusCode(202);
        String stored = QuarkusTransaction.requiringNew()
                .call(() -> RecordedEvent.findByEventId(event.get("eventId").asText()).orElseThrow().rawJson);
        assertEquals(body, stored);
    }

    @Test
    void unknownIdsAnswer404WithAMessage() {
        given().get("/api/v1/shipments/" + UUID.randomUUID()).then()
                .statusCode(404)
                .body("message", containsString("no shipment"));
        given().get("/api/v1/shipments/not-a-uuid").then().statusCode(404);
    }

    @Test
    void listsShipmentsWithFiltersAndPages() {
        String agency = "TEST-" + UUID.randomUUID();
        ObjectNode flagged = TestEvents.npp();
        flagged.put("reportingAgency", agency);
        ObjectNode clean = TestEvents.benign(TestEvents.newEventId(), TestEvents.newDeclarationId());
        clean.put("reportingAgency", agency);
        ObjectNode other = TestEvents.npp();
        String flaggedId = submit(flagged);
        String cleanId = submit(clean);
        submit(other);

        given().queryParam("reportingAgency", agency).get("/api/v1/shipments").then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.shipmentId", containsInAnyOrder(flaggedId, cleanId))
                .body("items.reportingAgency", everyItem(equalTo(agency)));

        given().queryParam("reportingAgency", agency).queryParam("flagged", "true").get("/api/v1/shipments").then()
                .statusCode(200)
                .body("items.shipmentId", containsInAnyOrder(flaggedId));
        given().queryParam("reportingAgency", agency).queryParam("flagged", "false").get("/api/v1/shipments").then()
                .statusCode(200)
                .body("items.shipmentId", containsInAnyOrder(cleanId));

        given().queryParam("declarationId", other.get("declarationId").asText()).get("/api/v1/shipments").then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].declarationId", equalTo(other.get("declarationId").asText()));

        given().queryParam("reportingAgency", agency).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/shipments").then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(1))
                .body("totalPages", equalTo(2))
                .body("items", hasSize(1))
                .body("items[0].shipmentId", equalTo(flaggedId));

        given().get("/api/v1/shipments").then()
                .statusCode(200)
                .body("size", equalTo(20))
                .body("totalItems", greaterThanOrEqualTo(3));
    }

    @Test
    void badPagingParametersAreNamed() {
        given().queryParam("page", "-1").queryParam("size", "5000").queryParam("flagged", "maybe")
                .get("/api/v1/shipments").then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("page", "size", "flagged"));
    }
}
