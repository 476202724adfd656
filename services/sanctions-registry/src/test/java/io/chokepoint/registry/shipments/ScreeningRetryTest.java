package io.chokepoint.registry.shipments;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.AssessedParty;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.model.shipment.ShipmentEventType;
import io.chokepoint.platform.messaging.MessagingConfig;
import io.chokepoint.platform.messaging.ProcessedEvent;
import io.chokepoint.registry.TopicWatch;
import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code shipments.assessed} handler on the real broker and database, with the database failing on purpose: a
 * trigger refuses the screened party of a planned shipment as many times as the plan says. Attempts are counted by a
 * sequence, which a rolled-back attempt does not undo.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ScreeningRetryTest {

    private static final Duration KAFKA = Duration.ofSeconds(45);

    @Inject
    ObjectMapper mapper;
    @Inject
    MessagingConfig messaging;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void planFailures() throws SQLException {
        execute("""
                create table if not exists screening_failure_plan (
                    shipment_id  text primary key,
                    failures     integer not null,
                    attempts_seq text    not null
                )""");
        execute("""
                create or replace function fail_planned_screenings() returns trigger language plpgsql as $$
                declare
                    planned record;
                begin
                    select failures, attempts_seq into planned from screening_failure_plan
                        where shipment_id = new.shipment_id;
                    if found and nextval(cast(planned.attempts_seq as regclass)) <= planned.failures then
                        raise exception 'simulated outage while screening shipment %', new.shipment_id;
                    end if;
                    return new;
                end
                $$""");
        execute("drop trigger if exists fail_planned_screenings on screened_party");
        execute("create trigger fail_planned_screenings before insert on screened_party"
                + " for each row execute function fail_planned_screenings()");
    }

    @AfterEach
    void stopFailing() throws SQLException {
        execute("drop trigger if exists fail_planned_screenings on screened_party");
    }

    @Test
    void aPassingFailureIsRetriedInANewTransactionAndTheResultPublished() throws Exception {
        ShipmentAssessed assessment = assessment();
        String attempts = plan(assessment.shipmentId(), 2);

        try (TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS);
             TopicWatch dlq = TopicWatch.of(Topics.deadLetter(Topics.SHIPMENTS_ASSESSED))) {
            send(assessment);

            List<ConsumerRecord<String, String>> published = await().atMost(KAFKA)
                    .until(() -> results.withKey(assessment.shipmentId()), r -> !r.isEmpty());
            assertEquals(3, sequenceValue(attempts), "two failed attempts, then the one that passed");
            String resultId = inTransaction(() -> StoredScreeningResult.<StoredScreeningResult>findById(
                    assessment.eventId()).resultEventId);
            published.forEach(r -> assertEquals(resultId, TopicWatch.header(r, "ce_id")));
            assertTrue(dlq.withKey(assessment.shipmentId()).isEmpty(), "acknowledged, never dead-lettered");
        }
        assertEquals(1L, inTransaction(() -> ProcessedEvent.count("eventId", assessment.eventId())));
        assertEquals(1L, inTransaction(() -> ScreenedParty.count("shipmentId", assessment.shipmentId())),
                "the failed attempts' rows were rolled back");
    }

    @Test
    void aFailureThatLastsIsDeadLetteredAfterTheLastRetry() throws Exception {
        ShipmentAssessed assessment = assessment();
        String attempts = plan(assessment.shipmentId(), 1000);

        try (TopicWatch results = TopicWatch.of(Topics.SCREENING_RESULTS);
             TopicWatch dlq = TopicWatch.of(Topics.deadLetter(Topics.SHIPMENTS_ASSESSED))) {
            send(assessment);

            ConsumerRecord<String, String> dead = await().atMost(KAFKA)
                    .until(() -> dlq.withKey(assessment.shipmentId()), r -> !r.isEmpty()).get(0);
            assertEquals(messaging.retry().maxRetries() + 1, sequenceValue(attempts));
            assertEquals(assessment.eventId(), mapper.readTree(dead.value()).get("eventId").asText());
            String reason = TopicWatch.header(dead, "dead-letter-reason");
            assertNotNull(reason);
            assertTrue(reason.contains("simulated outage"), "the last failure is the reason: " + reason);
            assertTrue(results.withKey(assessment.shipmentId()).isEmpty());
        }
        assertEquals(0L, inTransaction(() -> ProcessedEvent.count("eventId", assessment.eventId())));
        assertEquals(0L, inTransaction(() -> StoredScreeningResult.count("assessmentEventId", assessment.eventId())));
    }

    /** Makes the next {@code failures} attempts to screen the shipment fail; answers the sequence counting them. */
    private String plan(String shipmentId, int failures) throws SQLException {
        String sequence = "screening_attempts_" + UUID.randomUUID().toString().replace("-", "");
        execute("create sequence " + sequence);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into screening_failure_plan (shipment_id, failures, attempts_seq) values (?, ?, ?)")) {
            insert.setString(1, shipmentId);
            insert.setInt(2, failures);
            insert.setString(3, sequence);
            insert.executeUpdate();
        }
        return sequence;
    }

    private long sequenceValue(String sequence) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement query = connection.createStatement();
             ResultSet result = query.executeQuery(
                     "select case when is_called then last_value else 0 end from " + sequence)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void send(ShipmentAssessed assessment) throws Exception {
        TopicWatch.companion().produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.SHIPMENTS_ASSESSED, assessment.shipmentId(),
                        mapper.writeValueAsString(assessment)))
                .awaitCompletion();
    }

    private static ShipmentAssessed assessment() {
        Instant now = Instant.now();
        AssessedParty consignee = new AssessedParty(PartyRole.CONSIGNEE, "Retry Probe Logistics S.A.", "MX", null, null);
        return new ShipmentAssessed(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "MX-SAT-2026-" + UUID.randomUUID().toString().substring(0, 6), "MX-SAT", UUID.randomUUID().toString(),
                ShipmentEventType.EXPORT_DECLARED, 1, now, now, List.of(consignee), List.of(), null, List.of());
    }

    private static <T> T inTransaction(Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }
}
