package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ShipmentIngestResourceTest {

    /** The test events' agency pushes them and reads its own shipments. */
    @BeforeEach
    void asTheReportingPartner() {
        Callers.byDefault(TestTokens.partner(TestEvents.EXPORT_AGENCY));
    }

    @AfterEach
    void noDefaultCaller() {
        Callers.reset();
    }

    private static Response post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body.toString()).post(path);
    }

    @Test
    void acceptsANewEventThenAnswersItsDuplicateWithTheSameBody() {
        ObjectNode event = TestEvents.npp();
        String eventId = event.get("eventId").asText();

        String shipmentId = post("/api/v1/shipments", event).then()
                .statusCode(202)
                .body("eventId", equalTo(eventId))
                .body("status", equalTo("ACCEPTED"))
                .body("shipmentId", notNullValue())
                .extract().path("shipmentId");

        post("/api/v1/shipments", event).then()
                .statusCode(200)
                .body("eventId", equalTo(eventId))
                .body("shipmentId", equalTo(shipmentId))
                .body("status", equalTo("DUPLICATE"));

        given().get("/api/v1/shipments/" + shipmentId).then()
                .statusCode(200)
                .body("events", hasSize(1))
                .body("revision", equalTo(1));
    }

    @Test
    void eventsOfOneDeclarationUpdateOneShipment() {
        String declarationId = TestEvents.newDeclarationId();
        ObjectNode first = TestEvents.npp(TestEvents.newEventId(), declarationId);
        ObjectNode second = TestEvents.benign(TestEvents.newEventId(), declarationId);
        second.put("eventType", "AMENDED").put("occurredAt", "2026-11-29T08:00:00Z");

        String shipmentId = post("/api/v1/shipments", first).then().statusCode(202).extract().path("shipmentId");
        post("/api/v1/shipments", second).then().statusCode(202).body("shipmentId", equalTo(shipmentId));

        given().get("/api/v1/shipments/" + shipmentId).then()
                .statusCode(200)
                .body("status", equalTo("AMENDED"))
                .body("revision", equalTo(2))
                .body("flagged", equalTo(false))
                .body("events.eventType", org.hamcrest.Matchers.contains("EXPORT_DECLARED", "AMENDED"))
                .body("latestAssessment.revision", equalTo(2))
                .body("latestAssessment.goods[0].classification.category", equalTo("NONE"));
    }

    @Test
    void namesEveryProblemOfAnInvalidEvent() {
        ObjectNode event = TestEvents.npp();
        event.remove("declarationId");
        event.put("eventId", "x".repeat(65));
        ((ObjectNode) event.get("exporter")).put("country", "China");
        ((ObjectNode) event.get("route")).put("portOfLoading", "SHANGHAI");
        ObjectNode line = (ObjectNode) event.withArray("goods").get(0);
        line.put("casNumber", "39742-60-5").put("hsCode", "2933").put("quantity", -3);

        post("/api/v1/shipments", event).then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("eventId", "declarationId", "exporter.country",
                        "route.portOfLoading", "goods[0].casNumber", "goods[0].hsCode", "goods[0].quantity"))
                .body("errors.message", everyItem(notNullValue()));
    }

    @Test
    void aWrongTypeIsNamedAlongsideTheOtherProblems() {
        ObjectNode event = TestEvents.npp();
        event.put("eventType", "SHIPPED");
        event.put("occurredAt", "last tuesday");
        ((ObjectNode) event.get("consignee")).remove("name");

        post("/api/v1/shipments", event).then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("eventType", "occurredAt", "consignee.name"))
                .body("errors.find { it.field == 'eventType' }.message", containsString("EXPORT_DECLARED"));
    }

    @Test
    void malformedJsonAnswersTheSameShape() {
        given().contentType(ContentType.JSON).body("{\"eventId\": \"abc\", \"goods\": [").post("/api/v1/shipments")
                .then()
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].field", notNullValue())
                .body("errors[0].message", startsWith("malformed JSON"))
                .body("errors[0].message", not(containsString("[Source")));

        given().contentType(ContentType.JSON).body("[]").post("/api/v1/shipments").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void aBatchAnswersEachEventInOrder() {
        ObjectNode accepted = TestEvents.npp();
        ObjectNode invalid = TestEvents.npp();
        ((ObjectNode) invalid.withArray("goods").get(0)).put("casNumber", "12345-67-8");
        invalid.put("eventType", "TELEPORTED");
        ObjectNode repeated = accepted.deepCopy();
        ArrayNode batch = JsonNodeFactory.instance.arrayNode().add(accepted).add(invalid).add(repeated)
                .add(JsonNodeFactory.instance.textNode("not an event"));

        post("/api/v1/shipments/batch", batch).then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("duplicates", equalTo(1))
                .body("rejected", equalTo(2))
                .body("results.index", org.hamcrest.Matchers.contains(0, 1, 2, 3))
                .body("results.status", org.hamcrest.Matchers.contains("ACCEPTED", "REJECTED", "DUPLICATE", "REJECTED"))
                .body("results[0].eventId", equalTo(accepted.get("eventId").asText()))
                .body("results[0].shipmentId", notNullValue())
                .body("results[0].errors", nullValue())
                .body("results[1].errors.field", containsInAnyOrder("eventType", "goods[0].casNumber"))
                .body("results[2].shipmentId", notNullValue())
                .body("results[3].errors[0].field", equalTo("body"));
    }

    @Test
    void aTextOverItsLimitIsNamedWithItsPathAndLimit() {
        ObjectNode event = TestEvents.npp();
        event.with("consignee").put("name", "x".repeat(257));
        post("/api/v1/shipments", event).then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("consignee.name")))
                .body("errors[0].message", equalTo("must be at most 256 characters"));

        ObjectNode longDescription = TestEvents.npp();
        ((ObjectNode) longDescription.withArray("goods").get(0)).put("description", "NPP ".repeat(300));
        post("/api/v1/shipments/batch", JsonNodeFactory.instance.arrayNode().add(longDescription)).then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("results[0].errors[0].field", equalTo("goods[0].description"))
                .body("results[0].errors[0].message", equalTo("must be at most 1024 characters"));
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 1001; i++) {
            batch.add(JsonNodeFactory.instance.objectNode());
        }
        post("/api/v1/shipments/batch", batch).then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("at most 1000"));

        post("/api/v1/shipments/batch", TestEvents.npp()).then()
                .statusCode(400)
                .body("errors[0].message", containsString("array"));
    }

    @Test
    void concurrentCopiesOfAnEventAreAcceptedOnce() throws Exception {
        String body = TestEvents.npp().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Response>> posts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                posts.add(() -> given().contentType(ContentType.JSON).body(body).post("/api/v1/shipments"));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : pool.invokeAll(posts)) {
                responses.add(future.get());
            }
            List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
            assertEquals(1, statuses.stream().filter(status -> status == 202).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
            Set<String> shipments = responses.stream().map(r -> r.jsonPath().getString("shipmentId"))
                    .collect(Collectors.toSet());
            assertEquals(1, shipments.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentFirstEventsOfOneDeclarationOpenOneShipment() throws Exception {
        String declarationId = TestEvents.newDeclarationId();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Response>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // Each declares another quantity, so that each is a change and gets its own revision.
                ObjectNode event = TestEvents.npp(TestEvents.newEventId(), declarationId);
                ((ObjectNode) event.withArray("goods").get(0)).put("quantity", 10 + i);
                String body = event.toString();
                posts.add(() -> given().contentType(ContentType.JSON).body(body).post("/api/v1/shipments"));
            }
            Set<String> shipments = new java.util.HashSet<>();
            for (Future<Response> future : pool.invokeAll(posts)) {
                Response response = future.get();
                assertEquals(202, response.statusCode(), response.asString());
                shipments.add(response.jsonPath().getString("shipmentId"));
            }
            assertEquals(1, shipments.size());
            given().get("/api/v1/shipments/" + shipments.iterator().next()).then()
                    .body("revision", equalTo(4))
                    .body("events", hasSize(4));
        } finally {
            pool.shutdownNow();
        }
    }
}
