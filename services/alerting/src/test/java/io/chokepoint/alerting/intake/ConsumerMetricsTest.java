package io.chokepoint.alerting.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.testing.Scrape;
import io.chokepoint.alerting.TestAlerts;
import io.chokepoint.alerting.TestKafka;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import static io.chokepoint.alerting.Fixtures.assessment;
import static io.chokepoint.alerting.Fixtures.consigneeResult;
import static io.chokepoint.alerting.Fixtures.match;
import static io.chokepoint.alerting.Fixtures.nppLine;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The consumers of {@code shipments.assessed} and {@code screening.results} as the platform's meters count them:
 * processed, duplicate (the same event again, or an assessment revision already stored), dead-lettered, and the
 * retries of a transient database failure.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ConsumerMetricsTest {

    private static final String CONSUMED = "chokepoint_messages_consumed_total";
    private static final String DEAD_LETTERED = "chokepoint_messages_dead_lettered_total";
    private static final String RETRIES = "chokepoint_consumer_retries_total";
    private static final String RECORD_DELAYS = "chokepoint_consumer_record_delay_seconds_count";
    private static final String BATCHES = "chokepoint_consumer_batch_duration_seconds_count";

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Test
    void recordsAreCountedProcessedOrDuplicateAndBadOnesDeadLettered() {
        ShipmentAssessed assessed = assessment(UUID.randomUUID().toString(), "MX-SAT-" + UUID.randomUUID(), 1,
                nppLine(1));
        ScreeningResult result = consigneeResult(assessed, "OFAC-v1", Instant.now(),
                match("ent-" + UUID.randomUUID(), "Listed Front", 0.95, TestAlerts.uniqueProgram()));
        ShipmentAssessed republished = assessment(assessed.shipmentId(), assessed.declarationId(), 1, nppLine(1));
        Scrape before = Scrape.now();

        produce(Topics.SHIPMENTS_ASSESSED, assessed.shipmentId(), assessed);
        produce(Topics.SCREENING_RESULTS, assessed.shipmentId(), result);
        TestAlerts.awaitAlerts(assessed.shipmentId(), 1);
        produce(Topics.SHIPMENTS_ASSESSED, assessed.shipmentId(), assessed);
        produce(Topics.SHIPMENTS_ASSESSED, assessed.shipmentId(), republished);
        produce(Topics.SCREENING_RESULTS, assessed.shipmentId(), result);
        TestKafka.produce(Topics.SCREENING_RESULTS, assessed.shipmentId(), "{this is not json");

        await().atMost(TestAlerts.WAIT).until(() -> {
            Scrape after = Scrape.now();
            return delta(before, after, CONSUMED, "topic", Topics.SHIPMENTS_ASSESSED, "outcome", "processed") >= 1
                    && delta(before, after, CONSUMED, "topic", Topics.SHIPMENTS_ASSESSED, "outcome", "duplicate") >= 2
                    && delta(before, after, CONSUMED, "topic", Topics.SCREENING_RESULTS, "outcome", "processed") >= 1
                    && delta(before, after, CONSUMED, "topic", Topics.SCREENING_RESULTS, "outcome", "duplicate") >= 1
                    && delta(before, after, CONSUMED, "topic", Topics.SCREENING_RESULTS, "outcome",
                    "dead_lettered") >= 1
                    && delta(before, after, DEAD_LETTERED, "topic", Topics.SCREENING_RESULTS, "reason",
                    "invalid") >= 1;
        });
        TestAlerts.awaitAlerts(assessed.shipmentId(), 1);
    }

    /** Each stage's share of an alert's delay: a processed record is timed from its production, a poll as a whole. */
    @Test
    void processedRecordsAndTheirPollsAreTimed() {
        ShipmentAssessed assessed = assessment(UUID.randomUUID().toString(), "MX-SAT-" + UUID.randomUUID(), 1,
                nppLine(1));
        Scrape before = Scrape.now();

        produce(Topics.SHIPMENTS_ASSESSED, assessed.shipmentId(), assessed);
        produce(Topics.SHIPMENTS_ASSESSED, assessed.shipmentId(), assessed);

        await().atMost(TestAlerts.WAIT).until(() -> {
            Scrape after = Scrape.now();
            return delta(before, after, CONSUMED, "topic", Topics.SHIPMENTS_ASSESSED, "outcome", "duplicate") >= 1
                    && delta(before, after, RECORD_DELAYS, "topic", Topics.SHIPMENTS_ASSESSED) >= 1
                    && delta(before, after, BATCHES, "topic", Topics.SHIPMENTS_ASSESSED) >= 1;
        });
    }

    /**
     * A trigger makes the first two inserts of the shipment's screening result fail, as a database briefly away
     * would (a sequence counts the attempts: it is not rolled back with them); the third attempt commits.
     */
    @Test
    void aTransientFailureIsRetriedAndEachRetryCounted() throws SQLException {
        ShipmentAssessed assessed = assessment(UUID.randomUUID().toString(), "MX-SAT-" + UUID.randomUUID(), 1,
                nppLine(1));
        ScreeningResult result = consigneeResult(assessed, "OFAC-v1", Instant.now(),
                match("ent-" + UUID.randomUUID(), "Listed Front", 0.95, TestAlerts.uniqueProgram()));
        produce(Topics.SHIPMENTS_ASSESSED, assessed.shipmentId(), assessed);
        Scrape before = Scrape.now();
        failTwice(assessed.shipmentId());
        try {
            produce(Topics.SCREENING_RESULTS, assessed.shipmentId(), result);

            TestAlerts.awaitAlerts(assessed.shipmentId(), 1);
            await().atMost(TestAlerts.WAIT).until(() -> delta(before, Scrape.now(), CONSUMED,
                    "topic", Topics.SCREENING_RESULTS, "outcome", "processed") >= 1);
            Scrape after = Scrape.now();
            assertEquals(2.0, delta(before, after, RETRIES, "topic", Topics.SCREENING_RESULTS));
            assertEquals(0.0, delta(before, after, DEAD_LETTERED, "topic", Topics.SCREENING_RESULTS));
        } finally {
            execute("DROP TRIGGER IF EXISTS metrics_test_fail_twice ON screening_result",
                    "DROP FUNCTION IF EXISTS metrics_test_fail_twice()",
                    "DROP SEQUENCE IF EXISTS metrics_test_attempts");
        }
    }

    private void failTwice(String shipmentId) throws SQLException {
        execute("CREATE SEQUENCE metrics_test_attempts",
                """
                CREATE FUNCTION metrics_test_fail_twice() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.shipment_id = '%s' THEN
                        IF nextval('metrics_test_attempts') <= 2 THEN
                            RAISE EXCEPTION 'database briefly away (test)';
                        END IF;
                    END IF;
                    RETURN NEW;
                END $$""".formatted(shipmentId),
                "CREATE TRIGGER metrics_test_fail_twice BEFORE INSERT ON screening_result "
                        + "FOR EACH ROW EXECUTE FUNCTION metrics_test_fail_twice()");
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private void produce(String topic, String key, Object event) {
        TestKafka.produce(mapper, topic, key, event);
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
