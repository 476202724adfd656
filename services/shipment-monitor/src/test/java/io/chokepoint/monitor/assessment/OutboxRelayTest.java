package io.chokepoint.monitor.assessment;

import io.chokepoint.model.Topics;
import io.chokepoint.platform.outbox.OutboxMessage;
import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A message committed but never sent (the service stopped in between) still goes out, by the scheduled relay. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OutboxRelayTest {

    @Test
    void theRelaySendsWhatWasLeftBehind() {
        String assessmentId = UUID.randomUUID().toString();
        String shipmentId = UUID.randomUUID().toString();
        String payload = """
                {"eventId":"%s","shipmentId":"%s","declarationId":"LEFT-BEHIND","reportingAgency":"CN-GACC",
                 "sourceEventId":"e-left","eventType":"EXPORT_DECLARED","revision":1,
                 "occurredAt":"2026-11-28T10:15:00Z","assessedAt":"2026-11-28T10:15:01Z",
                 "parties":[],"goods":[],"indicators":[]}""".formatted(assessmentId, shipmentId);
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage message = new OutboxMessage();
            message.topic = Topics.SHIPMENTS_ASSESSED;
            message.messageKey = shipmentId;
            message.ceId = assessmentId;
            message.ceType = "io.chokepoint.shipment.assessed";
            message.payload = payload;
            message.createdAt = Instant.now();
            message.persist();
            return message.id;
        });

        try (KafkaCompanion companion = new KafkaCompanion(KafkaBrokerResource.bootstrapServers())) {
            ConsumerTask<String, String> records = companion.consumeStrings()
                    .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(Topics.SHIPMENTS_ASSESSED);
            await().atMost(Duration.ofSeconds(30)).until(() -> records.getRecords().stream()
                    .anyMatch(record -> shipmentId.equals(record.key())));
            var record = records.getRecords().stream().filter(r -> shipmentId.equals(r.key())).findFirst().orElseThrow();
            assertEquals(assessmentId, KafkaCompanion.getHeader(record.headers(), "ce_id"));
            records.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>findById(id).sentAt != null));
        OutboxMessage sent = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.findById(id));
        assertNotNull(sent.sentAt);
        assertEquals(1, sent.attempts);
    }
}
