package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.shipment.EventChannel;
import io.chokepoint.monitor.shipment.RecordingBatch;
import io.chokepoint.monitor.shipment.ShipmentRecorder;
import io.chokepoint.monitor.support.AssessedTopic;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.platform.outbox.OutboxMessage;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing accepted is lost: a batch commits as one with its events' assessments and outbox rows, so what a batch
 * accepted is stored and published, and a batch cut short leaves nothing half taken.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class BatchDurabilityTest {

    @Inject
    ShipmentRecorder recorder;

    /** A batch holds one agency's events: the test events' agency pushes them and reads its own shipments. */
    @BeforeEach
    void asTheReportingPartner() {
        Callers.byDefault(TestTokens.partner(TestEvents.EXPORT_AGENCY));
    }

    @AfterEach
    void noDefaultCaller() {
        Callers.reset();
    }

    private static Response postBatch(ArrayNode batch) {
        return given().contentType(ContentType.JSON).body(batch.toString()).post("/api/v1/shipments/batch");
    }

    private static String id(JsonNode event) {
        return event.get("eventId").asText();
    }

    private static boolean isStored(String eventId, String declarationId) {
        List<String> shipments = given().queryParam("declarationId", declarationId).get("/api/v1/shipments")
                .then().statusCode(200).extract().jsonPath().getList("items.shipmentId", String.class);
        return !shipments.isEmpty() && given().get("/api/v1/shipments/" + shipments.get(0)).then().extract()
                .jsonPath().getList("events.eventId", String.class).contains(eventId);
    }

    /** Published once, and its outbox message marked sent. */
    private static void assertPublishedOnce(String eventId) {
        JsonNode assessment = AssessedTopic.awaitFor(eventId);
        assertEquals(1, AssessedTopic.publishedFor(eventId).size(), eventId);
        String ceId = assessment.get("eventId").asText();
        await().atMost(AssessedTopic.PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>find("ceId", ceId).firstResult().sentAt != null));
    }

    @Test
    void everyEventABatchAcceptedIsStoredAndItsAssessmentPublished() {
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        List<ObjectNode> declarations = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ObjectNode event = i % 2 == 0 ? TestEvents.npp() : TestEvents.benign(TestEvents.newEventId(),
                    TestEvents.newDeclarationId());
            declarations.add(event);
            batch.add(event);
        }
        String declarationId = declarations.get(0).get("declarationId").asText();
        ObjectNode departed = TestEvents.bare("DEPARTED", declarationId, "2026-11-30T00:00:00Z")
                .put("reportingAgency", TestEvents.EXPORT_AGENCY);
        batch.add(departed);
        ObjectNode invalid = TestEvents.npp();
        invalid.remove("consignee");
        batch.add(invalid);

        postBatch(batch).then().statusCode(200)
                .body("accepted", equalTo(26))
                .body("rejected", equalTo(1))
                .body("results[26].status", equalTo("REJECTED"));

        for (ObjectNode event : declarations) {
            assertTrue(isStored(id(event), event.get("declarationId").asText()), id(event));
            assertPublishedOnce(id(event));
        }
        assertTrue(isStored(id(departed), declarationId), "a departure that changes nothing is still stored");
        assertTrue(AssessedTopic.publishedFor(id(departed)).isEmpty(), "...and not assessed again");
        assertTrue(!isStored(id(invalid), invalid.get("declarationId").asText()));
    }

    @Test
    void aBatchCutShortTakesNothingAndSendingItAgainTakesItWhole() {
        List<ObjectNode> events = List.of(TestEvents.npp(), TestEvents.npp(), TestEvents.npp(), TestEvents.npp());
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        events.forEach(batch::add);
        String failingEventId = id(events.get(2));

        // The service "stops" at the third event: its transaction fails, the request ends with an error.
        ShipmentRecorder real = ClientProxy.unwrap(recorder);
        QuarkusMock.installMockForType(new ShipmentRecorder() {
            @Override
            public RecordingBatch begin(List<ShipmentEvent> events) {
                return real.begin(events);
            }

            @Override
            public Recorded record(RecordingBatch batch, ShipmentEvent event, String rawJson, EventChannel channel) {
                if (event.eventId().equals(failingEventId)) {
                    throw new IllegalStateException("the service stopped here");
                }
                return real.record(batch, event, rawJson, channel);
            }

            @Override
            public void finish(RecordingBatch batch) {
                real.finish(batch);
            }
        }, ShipmentRecorder.class);
        postBatch(batch).then().statusCode(500);

        for (ObjectNode event : events) {
            assertTrue(!isStored(id(event), event.get("declarationId").asText()), id(event));
        }

        // The partner sends the batch again: all of it is taken now, once.
        QuarkusMock.installMockForType(real, ShipmentRecorder.class);
        postBatch(batch).then().statusCode(200)
                .body("results.status", contains("ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED"));
        events.forEach(event -> assertPublishedOnce(id(event)));
    }
}
