package io.chokepoint.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.Match;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.platform.outbox.OutboxMessage;
import io.chokepoint.registry.screening.ScreeningService;
import io.chokepoint.registry.shipments.AssessedShipments;
import io.chokepoint.registry.shipments.LateScreeningResult;
import io.chokepoint.registry.shipments.ListVersionRescreen;
import io.chokepoint.registry.shipments.ShipmentRescreen;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.chokepoint.registry.shipments.AssessedShipments.assessment;
import static io.chokepoint.registry.shipments.AssessedShipments.coinedWord;
import static io.chokepoint.registry.shipments.AssessedShipments.listOrganization;
import static io.chokepoint.registry.shipments.AssessedShipments.party;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several instances of the service on one schema. What another instance commits is written here over a connection of
 * its own ({@link OtherInstance}), so that only the database tells this instance of it: its screening index and its
 * suppressions must catch up within the refresh interval, and a list version's rescreen must happen once whoever
 * commits or sweeps it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class SeveralInstancesTest {

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
    ScreeningService screening;
    @Inject
    ShipmentRescreen rescreen;

    @Test
    void aListVersionCommittedByAnotherInstanceIsScreenedAgainstOnceRead() {
        String word = coinedWord();
        OtherInstance.Listed listed = OtherInstance.listOrganization(word.toUpperCase() + " PRECURSOR TRADING CO., LTD.",
                "CN");

        await().atMost(WAIT).until(() -> screened(word + " Precursor Trading Co Ltd").contains(listed.entityId()));
        assertEquals(listed.listVersion(), screening.state().listVersion(), "the index holds the other's version");
        assertEquals(listed.listVersion(), screenAnswer(word + " Precursor Trading").get("listVersion"));

        int entities = screening.state().entities();
        screening.refresh();
        assertTrue(screening.ensureIndexed(listed.seq()));
        assertEquals(entities, screening.state().entities(), "reading the version again changes nothing");
        assertEquals(listed.listVersion(), screening.state().listVersion());
    }

    @Test
    void aVersionOfThisInstanceRightAfterOneOfAnotherLeavesNoGap() {
        String remoteWord = coinedWord();
        String localWord = coinedWord();
        OtherInstance.Listed remote = OtherInstance.listOrganization(remoteWord.toUpperCase() + " REAGENTS LIMITED",
                "CN");
        AssessedShipments.Listed local = listOrganization(localWord.toUpperCase() + " REAGENTS LIMITED");

        assertTrue(screened(localWord + " Reagents Limited").contains(local.entityId()),
                "this instance's own version is screened against as soon as it is committed");
        await().atMost(WAIT).until(() -> screened(remoteWord + " Reagents Limited").contains(remote.entityId()));
        assertEquals(local.listVersion(), screening.state().listVersion());
    }

    @Test
    void aSuppressionWrittenByAnotherInstanceTakesEffectAndSoDoesItsLifting() {
        String word = coinedWord();
        String partyName = word + " Química Industrial S.A.";
        String entityId = listOrganization(word.toUpperCase() + " QUIMICA INDUSTRIAL SA").entityId();
        assertTrue(screened(partyName).contains(entityId));
        // alerting's key of the name, written out by hand from the contract's rule
        String declared = word.toLowerCase() + " quimica industrial s a";

        OtherInstance.suppression(entityId, partyName, declared, true);
        await().atMost(WAIT).until(() -> !screened(partyName).contains(entityId));

        OtherInstance.suppression(entityId, partyName, declared, false);
        await().atMost(WAIT).until(() -> screened(partyName).contains(entityId));
    }

    @Test
    void twoRescreensOfOneVersionAtOncePublishItsLateResultOnce() throws Exception {
        String word = coinedWord();
        ShipmentAssessed assessment = assessment(party(PartyRole.CONSIGNEE, word + " Fine Chemicals Co., Ltd.", "CN"));
        String shipmentId = assessment.shipmentId();
        try (TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS)) {
            AssessedShipments.send(mapper, assessment);
            await().atMost(WAIT).until(() -> results.withKey(shipmentId), r -> !r.isEmpty());
            OtherInstance.Listed listed = OtherInstance.listOrganization(word.toUpperCase()
                    + " FINE CHEMICALS CO., LTD.", "CN");

            // As two instances would: each sweeps the version it did not commit, at the same moment.
            assertEquals(List.of(true, true), atOnce(() -> rescreen.rescreen(listed.listVersion()),
                    () -> rescreen.rescreen(listed.listVersion())));

            ListVersionRescreen done = inTransaction(() -> ListVersionRescreen.findById(listed.listVersion()));
            assertEquals(1, done.lateResults);
            assertEquals(1L, inTransaction(() -> LateScreeningResult.count("shipmentId", shipmentId)));
            assertEquals(2L, inTransaction(() -> OutboxMessage.count("topic = ?1 and messageKey = ?2",
                    Topics.SCREENING_RESULTS, shipmentId)), "its screening and one late result");
            ConsumerRecord<String, String> record = await().atMost(WAIT)
                    .until(() -> results.withKey(shipmentId), r -> r.size() >= 2).get(1);
            ScreeningResult late = mapper.readValue(record.value(), ScreeningResult.class);
            assertTrue(late.late());
            assertEquals(listed.listVersion(), late.listVersion());
            assertEquals(List.of(listed.entityId()),
                    late.parties().get(0).matches().stream().map(Match::entityId).toList());
        }
    }

    @Test
    void aRescreenWaitsForTheOneAnotherInstanceRunsAndThenFindsTheVersionDone() throws Exception {
        String word = coinedWord();
        ShipmentAssessed assessment = assessment(party(PartyRole.CONSIGNEE, word + " Biochemicals Limited", "CN"));
        String shipmentId = assessment.shipmentId();
        try (TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS)) {
            AssessedShipments.send(mapper, assessment);
            await().atMost(WAIT).until(() -> results.withKey(shipmentId), r -> !r.isEmpty());
        }
        OtherInstance.Listed listed = OtherInstance.listOrganization(word.toUpperCase() + " BIOCHEMICALS LIMITED", "CN");
        long waitingBefore = OtherInstance.waitingForTheRescreenLock();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> here;
            try (OtherInstance.Rescreening there = OtherInstance.startRescreen()) {
                here = thread.submit(() -> rescreen.rescreen(listed.listVersion()));
                await().atMost(WAIT).until(() -> OtherInstance.waitingForTheRescreenLock() > waitingBefore);
                there.done(listed.listVersion(), listed.seq());
            }
            assertTrue(here.get(WAIT.toSeconds(), TimeUnit.SECONDS), "done, by the other instance");
        } finally {
            thread.shutdownNow();
        }
        assertEquals(0L, inTransaction(() -> LateScreeningResult.count("shipmentId", shipmentId)));
        assertEquals(1L, inTransaction(() -> OutboxMessage.count("topic = ?1 and messageKey = ?2",
                Topics.SCREENING_RESULTS, shipmentId)), "its screening only: the version was rescreened elsewhere");
    }

    @SafeVarargs
    private static <T> List<T> atOnce(Callable<T>... runs) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(runs.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> run : runs) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return run.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<String> screened(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/v1/screen").then().statusCode(200).extract().jsonPath().getList("matches.entityId");
    }

    private static Map<String, Object> screenAnswer(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/v1/screen").then().statusCode(200).extract().jsonPath().getMap("");
    }

    private static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
