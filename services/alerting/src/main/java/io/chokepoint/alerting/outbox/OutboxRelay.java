package io.chokepoint.alerting.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.chokepoint.alerting.support.JsonCodec;
import io.chokepoint.model.Topics;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Sends committed outbox messages to {@code alerts.raised}, oldest first, and marks each sent once the broker
 * acknowledged it. Delivery is at least once: a stop after the send and before the mark re-sends the message
 * with the same CloudEvents id ({@code ce_id}), which consumers use to drop the copy.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<JsonNode> alertsRaised;
    private final JsonCodec json;
    private final OutboxConfig config;

    public OutboxRelay(@Channel("alerts-raised") MutinyEmitter<JsonNode> alertsRaised, JsonCodec json,
                       OutboxConfig config) {
        this.alertsRaised = alertsRaised;
        this.json = json;
        this.config = config;
    }

    @Scheduled(every = "${chokepoint.outbox.relay-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void relay() {
        for (OutboxMessage message : OutboxMessage.lockUnsent(Topics.ALERTS_RAISED, config.batchSize())) {
            if (!send(message)) {
                return;
            }
            message.sentAt = Instant.now();
        }
    }

    /** Sends one message and waits for the broker; a failure stops the run so that order is kept. */
    private boolean send(OutboxMessage message) {
        try {
            alertsRaised.sendMessage(toRecord(message)).await().atMost(config.sendTimeout());
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not send outbox message %d to %s, will retry", message.id, message.topic);
            return false;
        }
    }

    private Message<JsonNode> toRecord(OutboxMessage message) {
        return Message.of(json.tree(message.payload))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(message.messageKey).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(message.ceId.toString())
                        .withSubject(message.messageKey)
                        .withTimestamp(message.createdAt.atZone(ZoneOffset.UTC))
                        .build());
    }
}
