package io.chokepoint.monitor.assessment;

import io.agroal.api.AgroalDataSource;
import io.chokepoint.model.Topics;
import io.chokepoint.testing.Scrape;
import io.chokepoint.platform.outbox.OutboxMessage;
import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox meters on the real database and broker: while another relay (here the test, holding the relay's
 * advisory lock) keeps this one from sending, the backlog gauge shows the waiting messages; once the lock is free,
 * they are sent, counted as relayed, and the gauge falls back to zero.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OutboxBacklogTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The key of OutboxRelay's advisory lock ("out"); the second key is the schema's hash. */
    private static final int RELAY_LOCK = 0x6f7574;
    private static final String PENDING = "chokepoint_outbox_pending_messages";
    private static final String RELAYED = "chokepoint_outbox_relayed_total";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theBacklogGaugeShowsWhatWaitsAndTheRelayedCounterWhatWentOut() throws SQLException {
        double relayedBefore = Scrape.now().value(RELAYED, "topic", Topics.SHIPMENTS_ASSESSED);
        try (Connection otherRelay = dataSource.getConnection(); Statement statement = otherRelay.createStatement()) {
            statement.execute("select pg_advisory_lock(" + RELAY_LOCK + ", hashtext(current_schema()))");
            try {
                leaveBehind();
                leaveBehind();
                await().atMost(PATIENCE).until(() -> Scrape.now().value(PENDING) >= 2.0);
                assertEquals(1, Scrape.now().find(PENDING, "application", "shipment-monitor").size());
            } finally {
                statement.execute("select pg_advisory_unlock(" + RELAY_LOCK + ", hashtext(current_schema()))");
            }
        }

        await().atMost(PATIENCE).until(() -> Scrape.now().value(PENDING) == 0.0);
        assertTrue(Scrape.now().value(RELAYED, "topic", Topics.SHIPMENTS_ASSESSED) - relayedBefore >= 2.0);
    }

    /** A message committed without the outbox's after-commit send, as if the service had stopped in between. */
    private static void leaveBehind() {
        String assessmentId = UUID.randomUUID().toString();
        String shipmentId = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMessage message = new OutboxMessage();
            message.topic = Topics.SHIPMENTS_ASSESSED;
            message.messageKey = shipmentId;
            message.ceId = assessmentId;
            message.ceType = "io.chokepoint.shipment.assessed";
            message.payload = """
                    {"eventId":"%s","shipmentId":"%s","declarationId":"BACKLOG","reportingAgency":"CN-GACC",
                     "sourceEventId":"e-backlog","eventType":"EXPORT_DECLARED","revision":1,
                     "occurredAt":"2026-11-28T10:15:00Z","assessedAt":"2026-11-28T10:15:01Z",
                     "parties":[],"goods":[],"indicators":[]}""".formatted(assessmentId, shipmentId);
            message.createdAt = Instant.now();
            message.persist();
        });
    }
}
