package io.chokepoint.alerting.outbox;

import io.chokepoint.alerting.TestKafka;
import io.chokepoint.model.Topics;
import io.chokepoint.platform.outbox.Outbox;
import io.chokepoint.platform.outbox.OutboxMessage;
import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A message committed to the outbox and not yet sent (as after a stop) still reaches Kafka, with its id. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Test
    void committedMessageIsRelayedWithItsCloudEventsId() {
        String key = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(Topics.ALERTS_RAISED, key,
                Map.of("alertId", key, "type", "PRECURSOR_TO_SANCTIONED_PARTY")));
        OutboxMessage stored = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>find("messageKey", key).singleResult());

        try (ConsumerTask<String, String> alertsRaised = TestKafka.consume(Topics.ALERTS_RAISED)) {
            await().atMost(Duration.ofSeconds(45)).until(() -> !TestKafka.withKey(alertsRaised, key).isEmpty());
            ConsumerRecord<String, String> record = TestKafka.withKey(alertsRaised, key).get(0);
            assertEquals(stored.ceId.toString(), TestKafka.header(record, "ce_id"));
            assertEquals("io.chokepoint.alert.raised", TestKafka.header(record, "ce_type"));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertNotNull(QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>find("messageKey", key).singleResult().sentAt)));
    }
}
