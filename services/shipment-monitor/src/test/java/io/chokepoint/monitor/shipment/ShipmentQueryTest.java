package io.chokepoint.monitor.shipment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.monitor.support.Partners;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** The tests read across agencies, as an officer does; each event is pushed by the agency it names. */
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
        given().header(Callers.AUTHORIZATION, Callers.bearer(Partners.tokenOf(event)))
                .contentType(ContentType.JSON).body(body).post("/api/v1/shipments").then().statusCode(202);
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
        given().header(Callers.AUTHORIZATION, Callers.bearer(TestTokens.partner(agency))).get("/api/v1/shipments")
                .then()
                .statusCode(200)
                .body("items.shipmentId", containsInAnyOrder(flaggedId, cleanId));

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
    void filtersByCountrySubstanceAndPeriod() {
        String agency = "FILTER-" + UUID.randomUUID();
        ObjectNode npp = TestEvents.npp();
        npp.put("reportingAgency", agency);
        ObjectNode tiles = TestEvents.benign(TestEvents.newEventId(), TestEvents.newDeclarationId());
        tiles.put("reportingAgency", agency).put("occurredAt", "2026-10-01T12:00:00Z");
        ((ObjectNode) tiles.get("exporter")).put("country", "DE");
        ((ObjectNode) tiles.get("consignee")).put("country", "GT");
        ((ObjectNode) tiles.get("forwarder")).put("country", "DE");
        ((ObjectNode) tiles.get("route")).put("originCountry", "DE").put("destinationCountry", "GT")
                .put("portOfLoading", "DEHAM").put("portOfDischarge", "GTPRQ").putArray("transshipmentPorts");
        ObjectNode press = TestEvents.npp();
        press.put("reportingAgency", agency).put("occurredAt", "2026-12-05T00:00:00Z");
        ((ObjectNode) press.get("consignee")).put("country", "CO");
        ((ObjectNode) press.get("route")).put("destinationCountry", "CO");
        ((ObjectNode) press.withArray("goods").get(0)).put("description", "Rotary tablet press").put("hsCode", "847989")
                .put("unit", "PCS").put("quantity", 1).remove("casNumber");
        String nppId = submit(npp);
        String tilesId = submit(tiles);
        String pressId = submit(press);

        assertListed(agency, Map.of("country", "GT"), tilesId);
        assertListed(agency, Map.of("country", "mx"), nppId);
        assertListed(agency, Map.of("country", "CN"), nppId, pressId);
        assertListed(agency, Map.of("country", "KR"), nppId, pressId);
        assertListed(agency, Map.of("substance", "NPP"), nppId);
        assertListed(agency, Map.of("substance", "tablet-press"), pressId);
        assertListed(agency, Map.of("from", "2026-11-01", "to", "2026-11-30"), nppId);
        assertListed(agency, Map.of("from", "2026-12-01T00:00:00Z"), pressId);
        assertListed(agency, Map.of("to", "2026-10-01"), tilesId);
        assertListed(agency, Map.of("to", "2026-10-01T12:00:00Z"));
        assertListed(agency, Map.of("country", "CN", "substance", "NPP", "flagged", "true"), nppId);

        // The substance filter follows the latest assessment: NPP amended away is no longer found.
        ObjectNode amended = TestEvents.benign(TestEvents.newEventId(), npp.get("declarationId").asText());
        amended.put("reportingAgency", agency).put("eventType", "AMENDED").put("occurredAt", "2026-11-29T00:00:00Z");
        submit(amended);
        assertListed(agency, Map.of("substance", "NPP"));
        assertListed(agency, Map.of("from", "2026-11-29", "to", "2026-11-29"), nppId);
    }

    /** Lists with the filters, within the test's own agency, and expects exactly these shipments. */
    private static void assertListed(String agency, Map<String, String> filters, String... shipmentIds) {
        List<String> found = given().queryParam("reportingAgency", agency).queryParams(filters)
                .get("/api/v1/shipments").then().statusCode(200)
                .extract().jsonPath().getList("items.shipmentId", String.class);
        assertEquals(Set.of(shipmentIds), Set.copyOf(found), filters.toString());
        assertEquals(shipmentIds.length, found.size(), filters.toString());
    }

    @Test
    void badPagingParametersAreNamed() {
        given().queryParam("page", "-1").queryParam("size", "5000").queryParam("flagged", "maybe")
                .get("/api/v1/shipments").then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("page", "size", "flagged"));
    }

    @Test
    void badFiltersAreNamedTogether() {
        given().queryParam("country", "Mexico").queryParam("substance", "N P P").queryParam("from", "last week")
                .get("/api/v1/shipments").then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("country", "substance", "from"));
        given().queryParam("from", "2026-12-01").queryParam("to", "2026-11-01")
                .get("/api/v1/shipments").then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("to"));
    }
}
