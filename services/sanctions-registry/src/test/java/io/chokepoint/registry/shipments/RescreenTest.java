package io.chokepoint.registry.shipments;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.Match;
import io.chokepoint.model.screening.PartyScreening;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.platform.outbox.OutboxMessage;
import io.chokepoint.registry.TopicWatch;
import io.chokepoint.registry.screening.ScreeningConfig;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import static io.chokepoint.registry.shipments.AssessedShipments.assessment;
import static io.chokepoint.registry.shipments.AssessedShipments.coinedWord;
import static io.chokepoint.registry.shipments.AssessedShipments.listOrganization;
import static io.chokepoint.registry.shipments.AssessedShipments.party;
import static io.chokepoint.registry.shipments.AssessedShipments.send;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rescreening after a list change, on the real broker and database: shipments screened clean, then an entity
 * listed (or changed, or delisted) through the API, and what the background rescreen publishes on
 * {@code screening.results}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class RescreenTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeEach
    void asRegistryAdmin() {
        Callers.byDefault(TestTokens.registryAdmin());
    }

    @AfterEach
    void resetCaller() {
        Callers.reset();
    }

    @Inject
    ObjectMapper mapper;
    @Inject
    ScreeningConfig config;
    @Inject
    ShipmentRescreen rescreen;
    @Inject
    Rescreening rescreening;

    @Test
    void aShipmentScreenedCleanGetsALateResultOnceAMatchingEntityIsListed() throws Exception {
        String word = coinedWord();
        ShipmentAssessed assessment = assessment(
                party(PartyRole.EXPORTER, "Harborlight Electrical Appliances Co., Ltd.", "CN"),
                party(PartyRole.CONSIGNEE, word + " Fine Chemicals Co., Ltd.", "CN"));
        AssessedShipments.Listed listed;
        try (TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS)) {
            send(mapper, assessment);
            ScreeningResult clean = result(awaitRecords(results, assessment.shipmentId(), 1).get(0));
            assertFalse(clean.late());
            assertTrue(AssessedShipments.party(clean, PartyRole.CONSIGNEE).matches().isEmpty());

            listed = listOrganization(word.toUpperCase() + " FINE CHEMICALS CO., LTD.");

            ConsumerRecord<String, String> record = awaitRecords(results, assessment.shipmentId(), 2).get(1);
            ScreeningResult late = result(record);
            assertTrue(late.late());
            assertEquals(ShipmentRescreen.lateEventId(listed.listVersion(), assessment.shipmentId()), late.eventId());
            assertEquals(late.eventId(), TopicWatch.header(record, "ce_id"));
            assertEquals("io.chokepoint.screening.result", TopicWatch.header(record, "ce_type"));
            assertEquals(assessment.eventId(), late.assessmentEventId(), "the assessment it rescreened");
            assertEquals(assessment.revision(), late.revision());
            assertEquals(assessment.declarationId(), late.declarationId());
            assertEquals(assessment.reportingAgency(), late.reportingAgency());
            assertEquals(listed.listVersion(), late.listVersion());
            PartyScreening consignee = late.parties().get(0);
            assertEquals(1, late.parties().size(), "only the party with a new match: " + late.parties());
            assertEquals(PartyRole.CONSIGNEE, consignee.role());
            assertEquals(assessment.parties().get(1).name(), consignee.name());
            Match match = consignee.matches().get(0);
            assertEquals(listed.entityId(), match.entityId());
            assertTrue(match.score() >= config.alertThreshold(), match.explanation());
            assertEquals(List.of("SDNTK"), match.programs());
        }
        ListVersionRescreen done = awaitDone(listed.listVersion());
        assertEquals(1, done.lateResults);
    }

    @Test
    void aPartyScreenedBeforeTheWindowIsNotRescreened() throws Exception {
        String name = coinedWord() + " Reagents Trading Co., Ltd.";
        ShipmentAssessed old = assessment(party(PartyRole.CONSIGNEE, name, "CN"));
        ShipmentAssessed recent = assessment(party(PartyRole.CONSIGNEE, name, "CN"));
        try (TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS)) {
            send(mapper, old);
            send(mapper, recent);
            awaitRecords(results, old.shipmentId(), 1);
            awaitRecords(results, recent.shipmentId(), 1);
            Instant beforeWindow = Instant.now().minus(config.rescreenWindow()).minus(Duration.ofDays(1));
            inTransaction(() -> ScreenedParty.update("screenedAt = ?1 where shipmentId = ?2", beforeWindow,
                    old.shipmentId()));

            AssessedShipments.Listed listed = listOrganization(name.toUpperCase());

            ScreeningResult late = result(awaitRecords(results, recent.shipmentId(), 2).get(1));
            assertTrue(late.late());
            assertEquals(listed.entityId(), late.parties().get(0).matches().get(0).entityId());
            ListVersionRescreen done = awaitDone(listed.listVersion());
            assertEquals(1, done.lateResults, "the recent shipment only");
        }
        // Written with the version's mark or not at all: nothing more can come for the old shipment.
        assertEquals(0L, inTransaction(() -> LateScreeningResult.count("shipmentId", old.shipmentId())));
        assertEquals(1L, outboxRecords(old.shipmentId()), "its first screening only");
    }

    @Test
    void runningARescreenAgainOrChangingTheMatchedEntityPublishesNothingNew() throws Exception {
        String word = coinedWord();
        ShipmentAssessed assessment = assessment(party(PartyRole.CONSIGNEE, word + " Pharmatech Co., Ltd.", "CN"));
        String shipmentId = assessment.shipmentId();
        try (TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS)) {
            send(mapper, assessment);
            awaitRecords(results, shipmentId, 1);
            String entityName = word.toUpperCase() + " PHARMATECH CO., LTD.";
            AssessedShipments.Listed listed = listOrganization(entityName);
            ConsumerRecord<String, String> late = awaitRecords(results, shipmentId, 2).get(1);
            awaitDone(listed.listVersion());

            assertTrue(rescreen.rescreen(listed.listVersion()), "done already: nothing to do");
            String changedVersion = given().contentType(ContentType.JSON)
                    .body(Map.of("name", entityName, "type", "ORGANIZATION", "countries", List.of("CN"),
                            "programs", List.of("SDNTK"), "aliases", List.of(word.toUpperCase() + " PHARMA")))
                    .put("/api/v1/entities/" + listed.entityId()).then().statusCode(200).extract().path("listVersion");
            assertEquals(0, awaitDone(changedVersion).lateResults, "the entity matched the party before");
            assertEquals(2L, outboxRecords(shipmentId));

            // As after a stop before the rescreen's commit: run again whole, it publishes the same event.
            forget(listed.listVersion());
            rescreening.resumePending();
            assertEquals(1, awaitDone(listed.listVersion()).lateResults);
            ConsumerRecord<String, String> again = awaitRecords(results, shipmentId, 3).get(2);
            assertEquals(TopicWatch.header(late, "ce_id"), TopicWatch.header(again, "ce_id"));
            assertEquals(matchedEntities(result(late)), matchedEntities(result(again)));
            assertEquals(List.of(listed.entityId()), matchedEntities(result(again)));
        }
        assertEquals(3L, outboxRecords(shipmentId));
    }

    @Test
    void aDelistedEntityNoLongerMatches() throws Exception {
        String word = coinedWord();
        ShipmentAssessed assessment = assessment(party(PartyRole.NOTIFY_PARTY, word + " Logistics Limited", "CN"));
        try (TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS)) {
            send(mapper, assessment);
            awaitRecords(results, assessment.shipmentId(), 1);
            AssessedShipments.Listed listed = listOrganization(word.toUpperCase() + " LOGISTICS LIMITED");
            awaitRecords(results, assessment.shipmentId(), 2);
            awaitDone(listed.listVersion());
            given().delete("/api/v1/entities/" + listed.entityId()).then().statusCode(200);

            // The version that listed it, rescreened again after the delisting: the entity matches nothing now.
            forget(listed.listVersion());
            assertTrue(rescreen.rescreen(listed.listVersion()));
            assertEquals(0, awaitDone(listed.listVersion()).lateResults);
        }
        assertEquals(2L, outboxRecords(assessment.shipmentId()),
                "its first screening and the late result of before the delisting, nothing since");
    }

    private static List<String> matchedEntities(ScreeningResult result) {
        return result.parties().stream().flatMap(p -> p.matches().stream()).map(Match::entityId).toList();
    }

    /** Undoes a rescreen's commit: its mark and its late results. */
    private static void forget(String listVersion) {
        inTransaction(() -> {
            LateScreeningResult.delete("listVersion", listVersion);
            return ListVersionRescreen.deleteById(listVersion);
        });
    }

    private ListVersionRescreen awaitDone(String listVersion) {
        return await().atMost(WAIT).until(() -> inTransaction(() -> ListVersionRescreen.<ListVersionRescreen>findById(listVersion)),
                Objects::nonNull);
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(TopicWatch watch, String key, int count) {
        return await().atMost(WAIT).until(() -> watch.withKey(key), r -> r.size() >= count);
    }

    private ScreeningResult result(ConsumerRecord<String, String> record) throws Exception {
        return mapper.readValue(record.value(), ScreeningResult.class);
    }

    private static long outboxRecords(String shipmentId) {
        return inTransaction(() -> OutboxMessage.count("topic = ?1 and messageKey = ?2", Topics.SCREENING_RESULTS,
                shipmentId));
    }

    private static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
