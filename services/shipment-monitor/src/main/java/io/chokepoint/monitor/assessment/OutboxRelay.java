package io.chokepoint.monitor.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends outbox messages to {@code shipments.assessed}. Chosen over re-emitting on redelivery because REST input is
 * never redelivered: once an event is committed, only the outbox remembers that its assessment is still owed.
 * <p>
 * Each accepted event is tried at once, after commit and off the caller's thread; the scheduled relay sends whatever
 * is left (a failed send, or a stop between commit and send). Rows are locked with SKIP LOCKED while being sent, so
 * the two paths, and several instances, never send the same row at the same time. Delivery is at least once: if the
 * broker acknowledges but the commit fails, the message goes again with the same CloudEvents id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String PENDING = """
            select * from outbox_message
            where sent_at is null and topic = :topic %s
            order by id
            limit :limit
            for update skip locked""";

    @Inject
    @Channel("shipments-assessed")
    Emitter<ShipmentAssessed> emitter;

    @Inject
    ObjectMapper mapper;

    @Inject
    OutboxConfig config;

    @Inject
    ManagedExecutor executor;

    /** Tries to send the given messages now, without making the caller wait for the broker. */
    public void publishSoon(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(messageIds);
        executor.runAsync(() -> relay(ids)).exceptionally(failure -> {
            LOG.warnf(failure, "Immediate send of %d outbox message(s) failed; the relay will retry", ids.size());
            return null;
        });
    }

    @Scheduled(every = "${chokepoint.outbox.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        relay(null);
    }

    private record BatchOutcome(int selected, int sent) {
    }

    /**
     * Sends pending messages (only the given ones when ids is not null), batch by batch, until none is left or a
     * batch meets a failure (the broker is likely away: the next scheduled run tries again).
     */
    int relay(List<Long> ids) {
        int sent = 0;
        BatchOutcome batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> sendBatch(ids));
            sent += batch.sent();
        } while (batch.selected() == config.batchSize() && batch.sent() == batch.selected());
        return sent;
    }

    private BatchOutcome sendBatch(List<Long> ids) {
        List<OutboxMessage> batch = lockPending(ids);
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (OutboxMessage message : batch) {
            acks.add(send(message));
        }
        awaitAll(acks);
        int sent = 0;
        Instant now = Instant.now();
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage message = batch.get(i);
            message.attempts++;
            String failure = failureOf(acks.get(i));
            if (failure == null) {
                message.sentAt = now;
                message.lastError = null;
                sent++;
            } else {
                message.lastError = failure;
                LOG.warnf("Outbox message %d (%s) not sent, attempt %d: %s", message.id, message.ceId,
                        message.attempts, failure);
            }
        }
        return new BatchOutcome(batch.size(), sent);
    }

    @SuppressWarnings("unchecked")
    private List<OutboxMessage> lockPending(List<Long> ids) {
        String sql = PENDING.formatted(ids == null ? "" : "and id = any(:ids)");
        var query = OutboxMessage.getEntityManager().createNativeQuery(sql, OutboxMessage.class)
                .setParameter("topic", Topics.SHIPMENTS_ASSESSED)
                .setParameter("limit", config.batchSize());
        if (ids != null) {
            query.setParameter("ids", ids.toArray(Long[]::new));
        }
        return query.getResultList();
    }

    private CompletableFuture<Void> send(OutboxMessage message) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            ShipmentAssessed payload = mapper.readValue(message.payload, ShipmentAssessed.class);
            Metadata metadata = Metadata.of(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(message.messageKey).build(),
                    OutgoingCloudEventMetadata.builder()
                            .withId(message.ceId)
                            .withSubject(message.ceSubject)
                            .withTimestamp(message.createdAt.atZone(ZoneOffset.UTC))
                            .build());
            emitter.send(Message.of(payload, metadata,
                    () -> {
                        acked.complete(null);
                        return CompletableFuture.completedFuture(null);
                    },
                    reason -> {
                        acked.completeExceptionally(reason);
                        return CompletableFuture.completedFuture(null);
                    }));
        } catch (JsonProcessingException | RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    private void awaitAll(List<CompletableFuture<Void>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Each message's own outcome is read below; the unacknowledged ones stay pending.
        }
    }

    private static String failureOf(CompletableFuture<Void> ack) {
        if (!ack.isDone()) {
            return "not acknowledged in time";
        }
        if (ack.isCompletedExceptionally()) {
            try {
                ack.join();
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return null;
    }
}
