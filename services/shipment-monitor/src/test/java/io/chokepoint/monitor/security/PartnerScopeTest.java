package io.chokepoint.monitor.security;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.local.tokens.AccessToken;
import io.chokepoint.monitor.shipment.RecordedEvent;
import io.chokepoint.monitor.shipment.Shipment;
import io.chokepoint.monitor.support.Partners;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A partner agency pushes its own agency's events only, and reads the shipments its agency reported an event of; an
 * officer reads all. Each test names agencies of its own, so what a partner sees is exactly what the test made for
 * it. (Who may declare, amend or cancel a shipment: {@link ShipmentOwnershipTest}.)
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class PartnerScopeTest {

    @AfterEach
    void noDefaultCaller() {
        Callers.reset();
    }

    /**
     * An agency no other test names; not shaped like an agency code, so that it never takes one of the metrics'
     * limited agency tags from the tests that count by agency.
     */
    private static String newAgency() {
        return "SCOPE-" + UUID.randomUUID();
    }

    private static RequestSpecification as(String token) {
        return given().header(Callers.AUTHORIZATION, Callers.bearer(token));
    }

    private static ObjectNode eventOf(String agency) {
        return TestEvents.npp().put("reportingAgency", agency);
    }

    private static long storedEvents(List<String> eventIds) {
        return QuarkusTransaction.requiringNew().call(() -> RecordedEvent.count("eventId in ?1", eventIds));
    }

    private static long storedShipments(List<String> declarationIds) {
        return QuarkusTransaction.requiringNew().call(() -> Shipment.count("declarationId in ?1", declarationIds));
    }

    private static String id(ObjectNode event, String field) {
        return event.get(field).asText();
    }

    @Test
    void aPartnerCannotPushAnotherAgencysEventAndNothingIsStored() {
        String agencyA = newAgency();
        String agencyB = newAgency();
        ObjectNode forB = eventOf(agencyB);

        as(TestTokens.partner(agencyA)).contentType(ContentType.JSON).body(forB.toString()).post("/api/v1/shipments")
                .then().statusCode(403)
                .contentType(ContentType.JSON)
                .body("message", equalTo("Forbidden: event " + id(forB, "eventId") + ": reportingAgency " + agencyB
                        + " is not the caller's agency " + agencyA));

        assertEquals(0, storedEvents(List.of(id(forB, "eventId"))));
        assertEquals(0, storedShipments(List.of(id(forB, "declarationId"))));
        as(TestTokens.officer()).queryParam("declarationId", id(forB, "declarationId")).get("/api/v1/shipments")
                .then().statusCode(200).body("totalItems", equalTo(0));

        // B itself may send it, and it is then B's first and only event of that shipment.
        Partners.reporting(forB).post("/api/v1/shipments").then().statusCode(202).body("status", equalTo("ACCEPTED"));
        assertEquals(1, storedEvents(List.of(id(forB, "eventId"))));
    }

    @Test
    void aBatchWithAnotherAgencysEventIsRefusedWholeNamingTheOffenders() {
        String agencyA = newAgency();
        String agencyB = newAgency();
        List<ObjectNode> events = List.of(eventOf(agencyA), eventOf(agencyB), eventOf(agencyA), eventOf(agencyB));
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        events.forEach(batch::add);

        as(TestTokens.partner(agencyA)).contentType(ContentType.JSON).body(batch.toString())
                .post("/api/v1/shipments/batch").then()
                .statusCode(403)
                .body("message", allOf(containsString("the batch is refused whole"),
                        containsString("index 1 (eventId " + id(events.get(1), "eventId") + "): reportingAgency "
                                + agencyB + " is not the caller's agency " + agencyA),
                        containsString("index 3 (eventId " + id(events.get(3), "eventId") + ")"),
                        not(containsString(id(events.get(0), "eventId"))),
                        not(containsString(id(events.get(2), "eventId")))));

        List<String> eventIds = events.stream().map(event -> id(event, "eventId")).toList();
        assertEquals(0, storedEvents(eventIds), "not even the caller's own events of the batch");
        assertEquals(0, storedShipments(events.stream().map(event -> id(event, "declarationId")).toList()));
        as(TestTokens.partner(agencyA)).get("/api/v1/shipments").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void anInvalidEventIsAnsweredForItsFieldsBeforeItsAgency() {
        String agencyA = newAgency();
        String agencyB = newAgency();
        ObjectNode invalidForB = eventOf(agencyB);
        invalidForB.remove("occurredAt");

        as(TestTokens.partner(agencyA)).contentType(ContentType.JSON).body(invalidForB.toString())
                .post("/api/v1/shipments").then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("occurredAt")));
        as(TestTokens.partner(agencyA)).contentType(ContentType.JSON).body("{\"eventId\": ")
                .post("/api/v1/shipments").then().statusCode(400);
        as(TestTokens.partner(agencyA)).contentType(ContentType.JSON).body("{\"eventId\": ")
                .post("/api/v1/shipments/batch").then().statusCode(400);

        invalidForB.put("occurredAt", "2026-11-28T10:15:00Z");
        as(TestTokens.partner(agencyA)).contentType(ContentType.JSON).body(invalidForB.toString())
                .post("/api/v1/shipments").then()
                .statusCode(403)
                .body("message", containsString("reportingAgency " + agencyB + " is not the caller's agency " + agencyA));

        // In a batch an invalid event is refused on its own and stores nothing, whatever agency it names, so it does
        // not refuse the others.
        ObjectNode invalidAgain = eventOf(agencyB);
        invalidAgain.remove("occurredAt");
        ObjectNode own = eventOf(agencyA);
        as(TestTokens.partner(agencyA)).contentType(ContentType.JSON)
                .body(JsonNodeFactory.instance.arrayNode().add(invalidAgain).add(own).toString())
                .post("/api/v1/shipments/batch").then()
                .statusCode(200)
                .body("results.status", equalTo(List.of("REJECTED", "ACCEPTED")))
                .body("results[0].errors.field", equalTo(List.of("occurredAt")));
        assertEquals(0, storedEvents(List.of(id(invalidForB, "eventId"), id(invalidAgain, "eventId"))));
        assertEquals(1, storedEvents(List.of(id(own, "eventId"))));
    }

    @Test
    void aPartnerTokenWithoutAnAgencyIsRefused() {
        String noAgency = TestTokens.sign(AccessToken.of("partner-without-agency", "partner"));
        ObjectNode event = eventOf(newAgency());

        as(noAgency).contentType(ContentType.JSON).body(event.toString()).post("/api/v1/shipments").then()
                .statusCode(403)
                .body("message", containsString("no agency claim"));
        as(noAgency).contentType(ContentType.JSON).body(JsonNodeFactory.instance.arrayNode().add(event).toString())
                .post("/api/v1/shipments/batch").then().statusCode(403);
        as(noAgency).get("/api/v1/shipments").then().statusCode(403).body("message", containsString("no agency claim"));
        as(noAgency).get("/api/v1/shipments/" + UUID.randomUUID()).then().statusCode(403);
        assertEquals(0, storedEvents(List.of(id(event, "eventId"))));
    }

    @Test
    void aPartnerListsItsOwnAgencysShipmentsWhileAnOfficerListsAll() {
        String agencyA = newAgency();
        String agencyB = newAgency();
        // One moment no other test uses, so that a period around it lists exactly this test's shipments.
        Instant moment = Instant.parse("2040-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextLong(0, 3_650L * 24 * 3600), ChronoUnit.SECONDS);
        ObjectNode ofA = eventOf(agencyA).put("occurredAt", moment.toString());
        ObjectNode ofB = eventOf(agencyB).put("occurredAt", moment.toString());
        String shipmentOfA = Partners.reporting(ofA).post("/api/v1/shipments").then().statusCode(202)
                .extract().path("shipmentId");
        String shipmentOfB = Partners.reporting(ofB).post("/api/v1/shipments").then().statusCode(202)
                .extract().path("shipmentId");
        String from = moment.toString();
        String to = moment.plusSeconds(1).toString();

        as(TestTokens.officer()).queryParam("from", from).queryParam("to", to).get("/api/v1/shipments").then()
                .statusCode(200)
                .body("items.shipmentId", containsInAnyOrder(shipmentOfA, shipmentOfB));
        as(TestTokens.partner(agencyA)).queryParam("from", from).queryParam("to", to).get("/api/v1/shipments").then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items.shipmentId", equalTo(List.of(shipmentOfA)));
        as(TestTokens.partner(agencyA)).get("/api/v1/shipments").then()
                .statusCode(200)
                .body("items.reportingAgency", everyItem(equalTo(agencyA)))
                .body("items.shipmentId", equalTo(List.of(shipmentOfA)));
        as(TestTokens.partner(agencyA)).queryParam("reportingAgency", agencyA).get("/api/v1/shipments").then()
                .statusCode(200)
                .body("items.shipmentId", equalTo(List.of(shipmentOfA)));
        as(TestTokens.partner(agencyA)).queryParam("declarationId", id(ofB, "declarationId"))
                .get("/api/v1/shipments").then()
                .statusCode(200)
                .body("items", hasSize(0));
        as(TestTokens.partner(agencyB)).queryParam("from", from).queryParam("to", to).get("/api/v1/shipments").then()
                .statusCode(200)
                .body("items.shipmentId", equalTo(List.of(shipmentOfB)));
    }

    @Test
    void aPartnerAskingForAnotherAgencysListIsRefused() {
        String agencyA = newAgency();
        String agencyB = newAgency();
        as(TestTokens.partner(agencyA)).queryParam("reportingAgency", agencyB).get("/api/v1/shipments").then()
                .statusCode(403)
                .body("message", equalTo("Forbidden: reportingAgency " + agencyB + " is not the caller's agency "
                        + agencyA));
        as(TestTokens.partner(agencyA)).queryParam("reportingAgency", agencyB).queryParam("page", "-1")
                .get("/api/v1/shipments").then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("page")));
        as(TestTokens.officer()).queryParam("reportingAgency", agencyB).get("/api/v1/shipments").then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void anotherAgencysShipmentIsUnknownToAPartner() {
        String agencyA = newAgency();
        String agencyB = newAgency();
        String shipmentOfB = Partners.reporting(eventOf(agencyB)).post("/api/v1/shipments").then().statusCode(202)
                .extract().path("shipmentId");
        String unknown = UUID.randomUUID().toString();

        as(TestTokens.partner(agencyA)).get("/api/v1/shipments/" + shipmentOfB).then()
                .statusCode(404)
                .body("message", equalTo("no shipment with id " + shipmentOfB));
        as(TestTokens.partner(agencyA)).get("/api/v1/shipments/" + unknown).then()
                .statusCode(404)
                .body("message", equalTo("no shipment with id " + unknown));
        as(TestTokens.partner(agencyB)).get("/api/v1/shipments/" + shipmentOfB).then()
                .statusCode(200)
                .body("reportingAgency", equalTo(agencyB));
        as(TestTokens.officer()).get("/api/v1/shipments/" + shipmentOfB).then()
                .statusCode(200)
                .body("shipmentId", equalTo(shipmentOfB));
    }

    @Test
    void everyAgencyThatReportedOnAShipmentSeesItWholeAndNoOtherDoes() {
        String exportAgency = newAgency();
        String destinationAgency = newAgency();
        String bystander = newAgency();
        ObjectNode declared = eventOf(exportAgency);
        String declarationId = id(declared, "declarationId");
        String shipmentId = Partners.reporting(declared).post("/api/v1/shipments").then().statusCode(202)
                .extract().path("shipmentId");
        ObjectNode arrived = TestEvents.bare("ARRIVED", declarationId, "2026-12-10T00:00:00Z")
                .put("reportingAgency", destinationAgency);
        Partners.reporting(arrived).post("/api/v1/shipments").then().statusCode(202)
                .body("shipmentId", equalTo(shipmentId));

        for (String reader : List.of(exportAgency, destinationAgency)) {
            as(TestTokens.partner(reader)).get("/api/v1/shipments/" + shipmentId).then()
                    .statusCode(200)
                    .body("reportingAgency", equalTo(exportAgency))
                    .body("status", equalTo("ARRIVED"))
                    .body("events.eventId", contains(id(declared, "eventId"), id(arrived, "eventId")))
                    .body("latestAssessment.goods[0].classification.itemCode", equalTo("NPP"));
            as(TestTokens.partner(reader)).get("/api/v1/shipments").then()
                    .statusCode(200)
                    .body("totalItems", equalTo(1))
                    .body("items.shipmentId", equalTo(List.of(shipmentId)));
            as(TestTokens.partner(reader)).queryParam("declarationId", declarationId).get("/api/v1/shipments").then()
                    .statusCode(200)
                    .body("items.shipmentId", equalTo(List.of(shipmentId)));
        }
        as(TestTokens.partner(bystander)).get("/api/v1/shipments/" + shipmentId).then()
                .statusCode(404)
                .body("message", equalTo("no shipment with id " + shipmentId));
        as(TestTokens.partner(bystander)).queryParam("declarationId", declarationId).get("/api/v1/shipments").then()
                .statusCode(200)
                .body("totalItems", equalTo(0));

        // reportingAgency filters by the shipment's owner: the destination owns none of what it sees, and may not
        // name another agency.
        as(TestTokens.partner(destinationAgency)).queryParam("reportingAgency", destinationAgency)
                .get("/api/v1/shipments").then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        as(TestTokens.partner(exportAgency)).queryParam("reportingAgency", exportAgency)
                .get("/api/v1/shipments").then()
                .statusCode(200)
                .body("items.shipmentId", equalTo(List.of(shipmentId)));
        as(TestTokens.partner(destinationAgency)).queryParam("reportingAgency", exportAgency)
                .get("/api/v1/shipments").then()
                .statusCode(403);
    }

    @Test
    void theDeclaringAgencySeesItsShipmentEvenWhenAnotherAgencysEventCameFirst() {
        String exportAgency = newAgency();
        String destinationAgency = newAgency();
        String declarationId = TestEvents.newDeclarationId();
        ObjectNode arrived = TestEvents.bare("ARRIVED", declarationId, "2026-12-10T00:00:00Z")
                .put("reportingAgency", destinationAgency);
        String shipmentId = Partners.reporting(arrived).post("/api/v1/shipments").then().statusCode(202)
                .extract().path("shipmentId");
        as(TestTokens.partner(exportAgency)).get("/api/v1/shipments/" + shipmentId).then().statusCode(404);

        ObjectNode declared = TestEvents.npp(TestEvents.newEventId(), declarationId)
                .put("reportingAgency", exportAgency);
        Partners.reporting(declared).post("/api/v1/shipments").then().statusCode(202)
                .body("shipmentId", equalTo(shipmentId));

        for (String reader : List.of(exportAgency, destinationAgency)) {
            as(TestTokens.partner(reader)).get("/api/v1/shipments/" + shipmentId).then()
                    .statusCode(200)
                    .body("reportingAgency", equalTo(exportAgency))
                    .body("events.reportingAgency", contains(exportAgency, destinationAgency));
            as(TestTokens.partner(reader)).get("/api/v1/shipments").then()
                    .statusCode(200)
                    .body("items.shipmentId", equalTo(List.of(shipmentId)))
                    .body("items[0].reportingAgency", equalTo(exportAgency));
        }
    }
}
