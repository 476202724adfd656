package io.chokepoint.monitor.security;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.model.Topics;
import io.chokepoint.monitor.ingest.InboundShipmentConsumer;
import io.chokepoint.monitor.shipment.RecordedEvent;
import io.chokepoint.monitor.shipment.Shipment;
import io.chokepoint.monitor.shipment.ShipmentOwner;
import io.chokepoint.monitor.support.Partners;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.Scrape;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A shipment belongs to the agency that declared it: only that agency may declare, amend or cancel it, while any
 * agency may report its movements; and an eventId another agency's event holds is not handed out as a duplicate.
 * Over REST and over Kafka, each test with agencies of its own.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ShipmentOwnershipTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static KafkaCompanion companion;
    private static ConsumerTask<String, String> deadLetters;

    @BeforeAll
    static void listen() {
        companion = new KafkaCompanion(KafkaBrokerResource.bootstrapServers());
        deadLetters = companion.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Topics.deadLetter(Topics.SHIPMENTS_INBOUND));
    }

    @AfterAll
    static void stop() {
        deadLetters.close();
        companion.close();
    }

    /** An agency no other test names; not shaped like an agency code, to keep off the metrics' agency tags. */
    private static String newAgency() {
        return "OWNER-" + UUID.randomUUID();
    }

    private static ObjectNode declaration(String agency) {
        return TestEvents.npp().put("reportingAgency", agency);
    }

    private static ObjectNode declaration(String agency, String declarationId) {
        return TestEvents.npp(TestEvents.newEventId(), declarationId).put("reportingAgency", agency);
    }

    /** An amendment that would make the shipment cotton T-shirts: plain to see in the state if it were merged. */
    private static ObjectNode amendment(String agency, String declarationId) {
        return TestEvents.benign(TestEvents.newEventId(), declarationId).put("reportingAgency", agency)
                .put("eventType", "AMENDED").put("occurredAt", "2026-11-29T00:00:00Z");
    }

    private static ObjectNode report(String eventType, String agency, String declarationId, String occurredAt) {
        return TestEvents.bare(eventType, declarationId, occurredAt).put("reportingAgency", agency);
    }

    private static ValidatableResponse submit(ObjectNode event) {
        return Partners.reporting(event).post("/api/v1/shipments").then();
    }

    private static String accepted(ObjectNode event) {
        return submit(event).statusCode(202).body("status", equalTo("ACCEPTED")).extract().path("shipmentId");
    }

    private static ValidatableResponse asOfficer(String shipmentId) {
        return given().header(Callers.AUTHORIZATION, Callers.bearer(TestTokens.officer()))
                .get("/api/v1/shipments/" + shipmentId).then().statusCode(200);
    }

    private static String id(ObjectNode event, String field) {
        return event.get(field).asText();
    }

    private static long storedEvents(List<String> eventIds) {
        return QuarkusTransaction.requiringNew().call(() -> RecordedEvent.count("eventId in ?1", eventIds));
    }

    private static long storedShipments(List<String> declarationIds) {
        return QuarkusTransaction.requiringNew().call(() -> Shipment.count("declarationId in ?1", declarationIds));
    }

    private static String notTheOwner(ObjectNode event, String what) {
        return "Forbidden: event " + id(event, "eventId") + ": " + what + "; " + ShipmentOwner.RULE;
    }

    private static String belongsToAnother(ObjectNode event) {
        return id(event, "eventType") + " refused: the shipment of declaration " + id(event, "declarationId")
                + " belongs to another agency than " + id(event, "reportingAgency");
    }

    /** The declared NPP shipment, exactly as its one declaration left it. */
    private static void assertAsDeclared(String shipmentId, ObjectNode declared) {
        asOfficer(shipmentId)
                .body("reportingAgency", equalTo(id(declared, "reportingAgency")))
                .body("status", equalTo("EXPORT_DECLARED"))
                .body("cancelled", equalTo(false))
                .body("revision", equalTo(1))
                .body("current.goods[0].description", equalTo("N-Phenethyl-4-piperidone"))
                .body("events.eventId", contains(id(declared, "eventId")));
    }

    @Test
    void anotherAgencyCannotAmendCancelOrDeclareAShipmentAgainAndNothingIsStored() {
        String agencyA = newAgency();
        String agencyB = newAgency();
        ObjectNode declaredByB = declaration(agencyB);
        String declarationId = id(declaredByB, "declarationId");
        String shipmentOfB = accepted(declaredByB);

        ObjectNode amendedByA = amendment(agencyA, declarationId);
        submit(amendedByA).statusCode(403).contentType(ContentType.JSON)
                .body("message", equalTo(notTheOwner(amendedByA, belongsToAnother(amendedByA))));
        ObjectNode cancelledByA = report("CANCELLED", agencyA, declarationId, "2026-11-29T00:00:00Z");
        submit(cancelledByA).statusCode(403)
                .body("message", equalTo(notTheOwner(cancelledByA, belongsToAnother(cancelledByA))));
        ObjectNode declaredAgainByA = TestEvents.benign(TestEvents.newEventId(), declarationId)
                .put("reportingAgency", agencyA);
        submit(declaredAgainByA).statusCode(403)
                .body("message", equalTo(notTheOwner(declaredAgainByA, "EXPORT_DECLARED refused: declaration "
                        + declarationId + " was already declared by another agency than " + agencyA)))
                .body("message", not(containsString(agencyB)));

        assertEquals(0, storedEvents(List.of(id(amendedByA, "eventId"), id(cancelledByA, "eventId"),
                id(declaredAgainByA, "eventId"))));
        assertAsDeclared(shipmentOfB, declaredByB);
        // A refused event took nothing, its eventId either: A may use it for an event of its own.
        accepted(declaration(agencyA).put("eventId", id(amendedByA, "eventId")));

        // B itself amends and cancels its shipment.
        ObjectNode amendedByB = amendment(agencyB, declarationId);
        assertEquals(shipmentOfB, accepted(amendedByB));
        assertEquals(shipmentOfB, accepted(report("CANCELLED", agencyB, declarationId, "2026-11-30T00:00:00Z")));
        asOfficer(shipmentOfB)
                .body("reportingAgency", equalTo(agencyB))
                .body("cancelled", equalTo(true))
                .body("current.goods[0].description", equalTo("Cotton T-shirts"))
                .body("events", hasSize(3));
    }

    @Test
    void theDestinationAgencysMovementReportsAreTakenAndNeitherAgencyLosesTheShipment() {
        String exportAgency = newAgency();
        String transitAgency = newAgency();
        String destinationAgency = newAgency();
        ObjectNode declared = declaration(exportAgency);
        String declarationId = id(declared, "declarationId");
        String shipmentId = accepted(declared);

        ObjectNode transshipped = report("TRANSSHIPPED", transitAgency, declarationId, "2026-12-02T00:00:00Z");
        ObjectNode arrived = report("ARRIVED", destinationAgency, declarationId, "2026-12-10T00:00:00Z");
        assertEquals(shipmentId, accepted(transshipped));
        assertEquals(shipmentId, accepted(arrived));

        asOfficer(shipmentId)
                .body("reportingAgency", equalTo(exportAgency))
                .body("status", equalTo("ARRIVED"))
                .body("events.reportingAgency", contains(exportAgency, transitAgency, destinationAgency));
        // The reporting agencies still cannot amend it.
        submit(amendment(destinationAgency, declarationId)).statusCode(403);
        submit(amendment(transitAgency, declarationId)).statusCode(403);
        assertEquals(3, storedEvents(List.of(id(declared, "eventId"), id(transshipped, "eventId"),
                id(arrived, "eventId"))));
    }

    @Test
    void theDeclarationMakesItsAgencyTheOwnerOfAShipmentAnotherAgencyReportedFirst() {
        String exportAgency = newAgency();
        String destinationAgency = newAgency();
        String declarationId = TestEvents.newDeclarationId();

        // The destination's report comes first: its agency owns the shipment provisionally, and may cancel it.
        ObjectNode arrived = report("ARRIVED", destinationAgency, declarationId, "2026-12-10T00:00:00Z");
        String shipmentId = accepted(arrived);
        ObjectNode cancelledByDestination = report("CANCELLED", destinationAgency, declarationId,
                "2026-11-30T00:00:00Z");
        accepted(cancelledByDestination);
        asOfficer(shipmentId).body("reportingAgency", equalTo(destinationAgency)).body("cancelled", equalTo(true));

        // The exporter's customs may not amend what it has not declared yet, but its declaration takes the shipment.
        ObjectNode amendedEarly = amendment(exportAgency, declarationId);
        submit(amendedEarly).statusCode(403)
                .body("message", equalTo(notTheOwner(amendedEarly, belongsToAnother(amendedEarly))));
        ObjectNode declared = declaration(exportAgency, declarationId);
        assertEquals(shipmentId, accepted(declared));

        // The provisional owner's cancellation stays in the history and no longer counts.
        asOfficer(shipmentId)
                .body("reportingAgency", equalTo(exportAgency))
                .body("cancelled", equalTo(false))
                .body("cancelledAt", nullValue())
                .body("status", equalTo("ARRIVED"))
                .body("current.goods[0].description", equalTo("N-Phenethyl-4-piperidone"))
                .body("events.eventType", contains("EXPORT_DECLARED", "CANCELLED", "ARRIVED"))
                .body("events.find { it.eventType == 'CANCELLED' }.superseded", equalTo(true))
                .body("events.find { it.eventType == 'ARRIVED' }", not(hasKey("superseded")))
                .body("events.find { it.eventType == 'EXPORT_DECLARED' }", not(hasKey("superseded")));

        // Now the exporter's customs owns it for good: the former provisional owner may only report movements.
        ObjectNode amendedByDestination = amendment(destinationAgency, declarationId);
        submit(amendedByDestination).statusCode(403);
        submit(declaration(destinationAgency, declarationId)).statusCode(403)
                .body("message", containsString("was already declared by another agency than " + destinationAgency));
        accepted(report("DEPARTED", destinationAgency, declarationId, "2026-11-29T12:00:00Z"));
        accepted(amendment(exportAgency, declarationId));
        asOfficer(shipmentId).body("current.goods[0].description", equalTo("Cotton T-shirts"));
        assertEquals(0, storedEvents(List.of(id(amendedEarly, "eventId"), id(amendedByDestination, "eventId"))));
    }

    @Test
    void aBatchTouchingAnotherAgencysShipmentIsRefusedWholeNamingTheOffenders() {
        String agencyA = newAgency();
        String agencyB = newAgency();
        ObjectNode declaredByB = declaration(agencyB);
        String declarationOfB = id(declaredByB, "declarationId");
        String shipmentOfB = accepted(declaredByB);

        ObjectNode ownNew = declaration(agencyA);
        ObjectNode amendsB = amendment(agencyA, declarationOfB);
        ObjectNode cancelsB = report("CANCELLED", agencyA, declarationOfB, "2026-11-30T00:00:00Z");
        ObjectNode arrivesAtB = report("ARRIVED", agencyA, declarationOfB, "2026-12-10T00:00:00Z");
        List<ObjectNode> events = List.of(ownNew, amendsB, arrivesAtB, cancelsB);
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        events.forEach(batch::add);

        given().header(Callers.AUTHORIZATION, Callers.bearer(TestTokens.partner(agencyA)))
                .contentType(ContentType.JSON).body(batch.toString()).post("/api/v1/shipments/batch").then()
                .statusCode(403)
                .body("message", allOf(
                        containsString("the batch is refused whole and none of its events was stored, as 2 events"),
                        containsString("index 1 (eventId " + id(amendsB, "eventId") + "): "
                                + belongsToAnother(amendsB)),
                        containsString("index 3 (eventId " + id(cancelsB, "eventId") + "): "
                                + belongsToAnother(cancelsB)),
                        containsString("The rule: " + ShipmentOwner.RULE),
                        not(containsString(id(ownNew, "eventId"))),
                        not(containsString(id(arrivesAtB, "eventId")))));

        assertEquals(0, storedEvents(events.stream().map(event -> id(event, "eventId")).toList()));
        assertEquals(0, storedShipments(List.of(id(ownNew, "declarationId"))));
        assertAsDeclared(shipmentOfB, declaredByB);
    }

    @Test
    void aBatchIsJudgedAsItsEarlierEventsLeaveTheShipments() {
        String exportAgency = newAgency();
        String destinationAgency = newAgency();
        String declarationId = TestEvents.newDeclarationId();
        accepted(report("ARRIVED", destinationAgency, declarationId, "2026-12-10T00:00:00Z"));

        // Its amendment alone would be refused (the destination owns the shipment provisionally); after the
        // declaration before it in the batch, it is the declarant's own.
        ObjectNode declared = declaration(exportAgency, declarationId);
        ObjectNode amended = amendment(exportAgency, declarationId);
        ObjectNode newDeclaration = declaration(exportAgency);
        ObjectNode itsAmendment = amendment(exportAgency, id(newDeclaration, "declarationId"));
        given().header(Callers.AUTHORIZATION, Callers.bearer(TestTokens.partner(exportAgency)))
                .contentType(ContentType.JSON)
                .body(JsonNodeFactory.instance.arrayNode().add(declared).add(amended).add(newDeclaration)
                        .add(itsAmendment).toString())
                .post("/api/v1/shipments/batch").then()
                .statusCode(200)
                .body("results.status", contains("ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED"));
        String shipmentId = given().header(Callers.AUTHORIZATION, Callers.bearer(TestTokens.officer()))
                .queryParam("declarationId", declarationId).get("/api/v1/shipments").then().statusCode(200)
                .extract().path("items[0].shipmentId");
        asOfficer(shipmentId).body("reportingAgency", equalTo(exportAgency))
                .body("current.goods[0].description", equalTo("Cotton T-shirts"));
    }

    @Test
    void anEventIdTakenByAnotherAgencysEventIsAConflictThatRevealsNothing() {
        String agencyA = newAgency();
        String agencyB = newAgency();
        ObjectNode ofB = declaration(agencyB);
        String eventId = id(ofB, "eventId");
        String shipmentOfB = accepted(ofB);

        ObjectNode sameIdOfA = declaration(agencyA).put("eventId", eventId);
        Response conflict = Partners.reporting(sameIdOfA).post("/api/v1/shipments");
        conflict.then().statusCode(409).contentType(ContentType.JSON)
                .body("message", equalTo("eventId " + eventId + " is already taken by another agency's event"));
        assertEquals(Map.of("message", "eventId " + eventId + " is already taken by another agency's event"),
                conflict.jsonPath().getMap("$"), "no shipmentId, nor anything else");
        assertFalse(conflict.asString().contains(shipmentOfB));

        // The same in a batch: refused whole, naming it; A's other event is not stored either.
        ObjectNode otherOfA = declaration(agencyA);
        given().header(Callers.AUTHORIZATION, Callers.bearer(TestTokens.partner(agencyA)))
                .contentType(ContentType.JSON)
                .body(JsonNodeFactory.instance.arrayNode().add(otherOfA).add(sameIdOfA).toString())
                .post("/api/v1/shipments/batch").then()
                .statusCode(409)
                .body("message", equalTo("the batch is refused whole and none of its events was stored, as 1 event"
                        + " touches another agency's data: index 1 (eventId " + eventId + "): eventId " + eventId
                        + " is already taken by another agency's event"))
                .body("message", not(containsString(shipmentOfB)));

        assertEquals(1, storedEvents(List.of(eventId)));
        assertEquals(0, storedShipments(List.of(id(sameIdOfA, "declarationId"), id(otherOfA, "declarationId"))));
        asOfficer(shipmentOfB).body("events", hasSize(1));

        // B sending its event again is the idempotent duplicate, as before.
        Partners.reporting(ofB).post("/api/v1/shipments").then()
                .statusCode(200)
                .body("status", equalTo("DUPLICATE"))
                .body("shipmentId", equalTo(shipmentOfB));
    }

    @Test
    void twoAgenciesRacingToDeclareOneShipmentCannotBothWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 4; round++) {
                String agencyA = newAgency();
                String agencyB = newAgency();
                String declarationId = TestEvents.newDeclarationId();
                if (round % 2 == 1) {
                    // a shipment some agency reported first, owned provisionally: the declaration takes it over
                    accepted(report("ARRIVED", newAgency(), declarationId, "2026-12-10T00:00:00Z"));
                }
                ObjectNode ofA = declaration(agencyA, declarationId);
                ObjectNode ofB = declaration(agencyB, declarationId);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (ObjectNode event : List.of(ofA, ofB)) {
                    Callable<Integer> send = () -> {
                        start.await();
                        return Partners.reporting(event).post("/api/v1/shipments").statusCode();
                    };
                    answers.add(pool.submit(send));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(60, TimeUnit.SECONDS));
                }
                assertThat("round " + round, statuses, containsInAnyOrder(202, 403));
                ObjectNode winner = statuses.get(0) == 202 ? ofA : ofB;
                ObjectNode loser = winner == ofA ? ofB : ofA;
                assertEquals(1, storedShipments(List.of(declarationId)));
                assertEquals(1, storedEvents(List.of(id(winner, "eventId"))));
                assertEquals(0, storedEvents(List.of(id(loser, "eventId"))));
                String owner = QuarkusTransaction.requiringNew().call(() ->
                        Shipment.<Shipment>find("declarationId", declarationId).firstResult().reportingAgency);
                assertEquals(id(winner, "reportingAgency"), owner);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The owner must be read under the shipment's lock: here the test holds that lock while both declarations come
     * in, so both have read whatever they read before the lock by the time it is released. Read outside the lock,
     * both would see the shipment undeclared and both be taken.
     */
    @Test
    void declarationsWaitingOnTheShipmentsLockAreJudgedOneAtATime() throws Exception {
        String declarationId = TestEvents.newDeclarationId();
        accepted(report("ARRIVED", newAgency(), declarationId, "2026-12-10T00:00:00Z"));
        ObjectNode ofA = declaration(newAgency(), declarationId);
        ObjectNode ofB = declaration(newAgency(), declarationId);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            QuarkusTransaction.requiringNew().run(() -> {
                Shipment.getEntityManager()
                        .createNativeQuery("select id from shipment where declaration_id = :declaration for update")
                        .setParameter("declaration", declarationId).getResultList();
                for (ObjectNode event : List.of(ofA, ofB)) {
                    answers.add(pool.submit(() -> Partners.reporting(event).post("/api/v1/shipments").statusCode()));
                }
                // a request answered while the lock is held did not wait for it: its answer below tells why
                await().atMost(PATIENCE).pollInSameThread().until(() -> waitingBehindThisTransaction() == 2
                        || answers.stream().anyMatch(Future::isDone));
            });
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses, containsInAnyOrder(202, 403));
            assertEquals(1, storedEvents(List.of(id(ofA, "eventId"), id(ofB, "eventId"))));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A batch is judged before any of it is recorded, without locks; each event is judged again under its
     * shipment's lock. Here another agency's declaration is committed while the batch waits for that lock (the test
     * holds it, and writes the declaration as that agency's request would): the event is refused on its own, the
     * batch's earlier event being committed already.
     */
    @Test
    void anEventOfABatchForestalledByAnotherAgencyIsRefusedOnItsOwn() throws Exception {
        String exportAgency = newAgency();
        String rivalAgency = newAgency();
        String declarationId = TestEvents.newDeclarationId();
        accepted(report("ARRIVED", newAgency(), declarationId, "2026-12-10T00:00:00Z"));
        ObjectNode ownNew = declaration(exportAgency);
        ObjectNode declared = declaration(exportAgency, declarationId);
        ObjectNode rivals = declaration(rivalAgency, declarationId);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            List<Future<Response>> answer = new ArrayList<>();
            QuarkusTransaction.requiringNew().run(() -> {
                Shipment.getEntityManager()
                        .createNativeQuery("select id from shipment where declaration_id = :declaration for update")
                        .setParameter("declaration", declarationId).getResultList();
                answer.add(pool.submit(() -> given()
                        .header(Callers.AUTHORIZATION, Callers.bearer(TestTokens.partner(exportAgency)))
                        .contentType(ContentType.JSON)
                        .body(JsonNodeFactory.instance.arrayNode().add(ownNew).add(declared).toString())
                        .post("/api/v1/shipments/batch")));
                await().atMost(PATIENCE).pollInSameThread().until(() -> waitingBehindThisTransaction() == 1
                        || answer.get(0).isDone());
                Shipment.getEntityManager().createNativeQuery("""
                                insert into shipment_event (event_id, shipment_id, event_type, reporting_agency,
                                    occurred_at, received_at, channel, raw_json)
                                select :eventId, id, 'EXPORT_DECLARED', :agency, cast(:occurredAt as timestamptz),
                                    now(), 'REST', :json
                                from shipment where declaration_id = :declaration""")
                        .setParameter("eventId", id(rivals, "eventId"))
                        .setParameter("agency", rivalAgency)
                        .setParameter("occurredAt", id(rivals, "occurredAt"))
                        .setParameter("json", rivals.toString())
                        .setParameter("declaration", declarationId)
                        .executeUpdate();
            });
            answer.get(0).get(60, TimeUnit.SECONDS).then()
                    .statusCode(200)
                    .body("accepted", equalTo(1))
                    .body("results.status", contains("ACCEPTED", "REFUSED"))
                    .body("results[1].eventId", equalTo(id(declared, "eventId")))
                    .body("results[1]", not(hasKey("shipmentId")))
                    .body("results[1].errors.field", contains("reportingAgency"))
                    .body("results[1].errors[0].message", equalTo("EXPORT_DECLARED refused: declaration "
                            + declarationId + " was already declared by another agency than " + exportAgency + "; "
                            + ShipmentOwner.RULE));
            assertEquals(1, storedEvents(List.of(id(ownNew, "eventId"))));
            assertEquals(0, storedEvents(List.of(id(declared, "eventId"))));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Sessions waiting for this transaction's locks, or in line behind one that is. The server keeps one snapshot of
     * the activity statistics per transaction, so it is cleared to see the sessions as they are now.
     */
    private static int waitingBehindThisTransaction() {
        Shipment.getEntityManager().createNativeQuery("select 1 from pg_stat_clear_snapshot()").getSingleResult();
        Number waiting = (Number) Shipment.getEntityManager().createNativeQuery("""
                with blocked as (select pid from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid)))
                select count(*) from pg_stat_activity a
                where a.pid in (select pid from blocked)
                   or exists (select 1 from blocked b where b.pid = any(pg_blocking_pids(a.pid)))""")
                .getSingleResult();
        return waiting.intValue();
    }

    @Test
    void twoAgenciesRacingForOneEventIdCannotBothHaveIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            String eventId = TestEvents.newEventId();
            ObjectNode ofA = declaration(newAgency()).put("eventId", eventId);
            ObjectNode ofB = declaration(newAgency()).put("eventId", eventId);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (ObjectNode event : List.of(ofA, ofB)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return Partners.reporting(event).post("/api/v1/shipments");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertEquals("eventId " + eventId + " is already taken by another agency's event",
                            response.jsonPath().getString("message"));
                }
            }
            assertThat(statuses, containsInAnyOrder(202, 409));
            assertEquals(1, storedEvents(List.of(eventId)));
            assertEquals(1, storedShipments(List.of(id(ofA, "declarationId"), id(ofB, "declarationId"))));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onKafkaAnEventRefusedForAnotherAgencysShipmentIsDeadLetteredAndChangesNothing() {
        String agencyA = newAgency();
        String agencyB = newAgency();
        ObjectNode declaredByB = declaration(agencyB);
        String declarationId = id(declaredByB, "declarationId");
        String shipmentOfB = accepted(declaredByB);

        ObjectNode amendedByA = amendment(agencyA, declarationId);
        ObjectNode takenIdOfA = declaration(agencyA).put("eventId", id(declaredByB, "eventId"));
        takenIdOfA.put("declarationId", declarationId + "-A");
        ObjectNode arrivedByA = report("ARRIVED", agencyA, declarationId, "2026-12-10T00:00:00Z");
        Scrape before = Scrape.now();
        // one key, so one partition: the records are handled in this order
        produce(declarationId, amendedByA.toString());
        produce(declarationId, takenIdOfA.toString());
        produce(declarationId, arrivedByA.toString());

        await().atMost(PATIENCE).until(() -> deadLettersWithKey(declarationId).size() == 2);
        List<ConsumerRecord<String, String>> dead = deadLettersWithKey(declarationId);
        assertEquals(amendedByA.toString(), dead.get(0).value());
        assertEquals("refused shipment event " + id(amendedByA, "eventId") + ": " + belongsToAnother(amendedByA)
                + "; " + ShipmentOwner.RULE, header(dead.get(0), "dead-letter-reason"));
        assertThat(header(dead.get(0), InboundShipmentConsumer.ERRORS_HEADER),
                containsString("\"field\":\"reportingAgency\""));
        assertEquals("refused shipment event " + id(declaredByB, "eventId") + ": eventId "
                + id(declaredByB, "eventId") + " is already taken by another agency's event",
                header(dead.get(1), "dead-letter-reason"));

        // The movement report after them is taken: the consumer went on, and B's shipment is otherwise unchanged.
        await().atMost(PATIENCE).until(() -> storedEvents(List.of(id(arrivedByA, "eventId"))) == 1);
        // The test's agencies are not shaped like agency codes, so they are tagged "unknown".
        assertEquals(2.0, Scrape.now().since(before, "chokepoint_shipment_events_rejected_total", "path", "kafka",
                "agency", "unknown", "reason", "refused"));
        assertEquals(0, storedEvents(List.of(id(amendedByA, "eventId"))));
        assertEquals(0, storedShipments(List.of(declarationId + "-A")));
        asOfficer(shipmentOfB)
                .body("reportingAgency", equalTo(agencyB))
                .body("revision", equalTo(1))
                .body("current.goods[0].description", equalTo("N-Phenethyl-4-piperidone"))
                .body("events.eventId", contains(id(declaredByB, "eventId"), id(arrivedByA, "eventId")));
    }

    @Test
    void onKafkaTheDeclarationTakesOverAShipmentAnotherAgencyReportedFirst() {
        String exportAgency = newAgency();
        String destinationAgency = newAgency();
        String declarationId = TestEvents.newDeclarationId();
        ObjectNode arrived = report("ARRIVED", destinationAgency, declarationId, "2026-12-10T00:00:00Z");
        ObjectNode declared = declaration(exportAgency, declarationId);
        ObjectNode amended = amendment(exportAgency, declarationId);
        ObjectNode amendedByDestination = amendment(destinationAgency, declarationId);
        produce(declarationId, arrived.toString());
        produce(declarationId, declared.toString());
        produce(declarationId, amended.toString());
        produce(declarationId, amendedByDestination.toString());

        await().atMost(PATIENCE).until(() -> deadLettersWithKey(declarationId).size() == 1);
        assertEquals(amendedByDestination.toString(), deadLettersWithKey(declarationId).get(0).value());
        assertEquals(3, storedEvents(List.of(id(arrived, "eventId"), id(declared, "eventId"), id(amended, "eventId"))));
        String shipmentId = QuarkusTransaction.requiringNew().call(() ->
                Shipment.<Shipment>find("declarationId", declarationId).firstResult().id.toString());
        asOfficer(shipmentId)
                .body("reportingAgency", equalTo(exportAgency))
                .body("current.goods[0].description", equalTo("Cotton T-shirts"));
    }

    private static void produce(String key, String value) {
        companion.produceStrings().fromRecords(KafkaCompanion.record(Topics.SHIPMENTS_INBOUND, key, value))
                .awaitCompletion();
    }

    private static List<ConsumerRecord<String, String>> deadLettersWithKey(String key) {
        return deadLetters.getRecords().stream().filter(record -> key.equals(record.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaCompanion.getHeader(record.headers(), name);
    }
}
