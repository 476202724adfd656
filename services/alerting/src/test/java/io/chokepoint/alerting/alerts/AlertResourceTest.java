package io.chokepoint.alerting.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.alerting.TestKafka;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.chokepoint.alerting.Fixtures.assessment;
import static io.chokepoint.alerting.Fixtures.consigneeResult;
import static io.chokepoint.alerting.Fixtures.match;
import static io.chokepoint.alerting.Fixtures.nppLine;
import static io.chokepoint.alerting.Fixtures.tabletPressLine;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Searching and reading alerts raised from one shipment with both precursor and a tablet press. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class AlertResourceTest {

    @Inject
    ObjectMapper mapper;

    private ShipmentAssessed shipment;

    @AfterEach
    void forgetCaller() {
        Callers.reset();
    }

    /** Raises four alerts: two types by two matched entities, one under a narcotics program. */
    @BeforeEach
    void raiseAlerts() {
        Callers.byDefault(TestTokens.officer());
        shipment = assessment(UUID.randomUUID().toString(), "MX-SAT-" + UUID.randomUUID(), 1,
                nppLine(1), tabletPressLine(2));
        TestKafka.produce(mapper, Topics.SHIPMENTS_ASSESSED, shipment.shipmentId(), shipment);
        TestKafka.produce(mapper, Topics.SCREENING_RESULTS, shipment.shipmentId(),
                consigneeResult(shipment, "OFAC-v1", Instant.now(),
                        match("ent-kingpin", "Kingpin Trading", 0.96, "SDNTK"),
                        match("ent-other", "Other Listed Co", 0.92, "SDGT")));
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given()
                .queryParam("declarationId", shipment.declarationId())
                .get("/api/v1/alerts").then().statusCode(200).body("total", is(4)));
    }

    @Test
    void filtersCombine() {
        String declarationId = shipment.declarationId();
        given().queryParam("declarationId", declarationId).queryParam("type", "EQUIPMENT_TO_SANCTIONED_PARTY")
                .get("/api/v1/alerts").then().statusCode(200)
                .body("total", is(2))
                .body("items.type", everyItem(is("EQUIPMENT_TO_SANCTIONED_PARTY")))
                .body("items.entity.entityId", containsInAnyOrder("ent-kingpin", "ent-other"));
        given().queryParam("declarationId", declarationId).queryParam("severity", "critical")
                .get("/api/v1/alerts").then().statusCode(200)
                .body("total", is(2))
                .body("items.entity.entityId", everyItem(is("ent-kingpin")));
        given().queryParam("declarationId", declarationId).queryParam("type", "PRECURSOR_TO_SANCTIONED_PARTY")
                .queryParam("severity", "HIGH").get("/api/v1/alerts").then().statusCode(200)
                .body("total", is(1))
                .body("items[0].entity.entityId", is("ent-other"));
        given().queryParam("shipmentId", shipment.shipmentId()).queryParam("status", "NEW")
                .get("/api/v1/alerts").then().statusCode(200).body("total", is(4));
        given().queryParam("declarationId", declarationId).queryParam("status", "DISMISSED")
                .get("/api/v1/alerts").then().statusCode(200).body("total", is(0)).body("items", hasSize(0));
        given().queryParam("declarationId", declarationId).queryParam("reportingAgency", "cn-gacc")
                .get("/api/v1/alerts").then().statusCode(200).body("total", is(4))
                .body("items.version", everyItem(is(0)));
        given().queryParam("declarationId", declarationId).queryParam("reportingAgency", "US-CBP")
                .get("/api/v1/alerts").then().statusCode(200).body("total", is(0));
    }

    @Test
    void sinceFiltersOnRaisedAt() {
        given().queryParam("declarationId", shipment.declarationId())
                .queryParam("since", Instant.now().plusSeconds(3600).toString())
                .get("/api/v1/alerts").then().statusCode(200).body("total", is(0));
        given().queryParam("declarationId", shipment.declarationId()).queryParam("since", "2026-01-01")
                .get("/api/v1/alerts").then().statusCode(200).body("total", is(4));
    }

    @Test
    void pagesAreNewestFirst() {
        List<String> firstPage = given().queryParam("declarationId", shipment.declarationId())
                .queryParam("size", 3).get("/api/v1/alerts").then().statusCode(200)
                .body("total", is(4)).body("items", hasSize(3)).body("page", is(0)).body("size", is(3))
                .extract().jsonPath().getList("items.raisedAt");
        List<String> secondPage = given().queryParam("declarationId", shipment.declarationId())
                .queryParam("size", 3).queryParam("page", 1).get("/api/v1/alerts").then().statusCode(200)
                .body("items", hasSize(1)).extract().jsonPath().getList("items.raisedAt");
        List<Instant> raised = new ArrayList<>(firstPage.stream().map(Instant::parse).toList());
        raised.add(Instant.parse(secondPage.get(0)));
        for (int i = 1; i < raised.size(); i++) {
            assertFalse(raised.get(i).isAfter(raised.get(i - 1)), "newest first: " + raised);
        }
    }

    @Test
    void detailCarriesTheAlertAndItsHistory() {
        String alertId = given().queryParam("declarationId", shipment.declarationId())
                .queryParam("type", "PRECURSOR_TO_SANCTIONED_PARTY").queryParam("severity", "CRITICAL")
                .get("/api/v1/alerts").then().extract().path("items[0].alertId");

        JsonPath detail = given().get("/api/v1/alerts/{id}", alertId).then().statusCode(200)
                .body("alertId", is(alertId))
                .body("type", is("PRECURSOR_TO_SANCTIONED_PARTY"))
                .body("shipmentId", is(shipment.shipmentId()))
                .body("declarationId", is(shipment.declarationId()))
                .body("entity.entityId", is("ent-kingpin"))
                .body("entity.name", is("Kingpin Trading"))
                .body("explanation", containsString("Kingpin Trading"))
                .body("matchedName", is("Kingpin Trading"))
                .body("matchExplanation", is("name tokens agree; country MX agrees"))
                .body("allowedTransitions", contains("ACKNOWLEDGED", "DISMISSED"))
                .body("assignable", is(true))
                .body("history", hasSize(1))
                .body("history[0].kind", is("RAISED"))
                .extract().jsonPath();
        assertEquals(detail.getString("raisedAt"), detail.getString("history[0].at"));
    }

    @Test
    void unknownAlertIsNotFound() {
        given().get("/api/v1/alerts/{id}", UUID.randomUUID().toString()).then().statusCode(404)
                .body("message", containsString("No alert with id"));
        given().get("/api/v1/alerts/not-an-id").then().statusCode(404);
    }

    @Test
    void badCriteriaAreAllReported() {
        List<String> fields = given().queryParam("type", "SMUGGLING").queryParam("status", "OPEN")
                .queryParam("severity", "EXTREME").queryParam("since", "yesterday")
                .queryParam("page", -1).queryParam("size", 0)
                .get("/api/v1/alerts").then().statusCode(400)
                .extract().jsonPath().getList("errors.field");
        assertEquals(List.of("type", "status", "severity", "since", "page", "size"), fields);
    }
}
