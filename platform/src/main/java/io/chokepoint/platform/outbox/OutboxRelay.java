package io.chokepoint.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends outbox messages to Kafka through the {@value #CHANNEL} channel, oldest first, each to its own topic with
 * its own CloudEvents metadata, and marks each sent once the broker acknowledged it.
 * <p>
 * It runs right after a writer's commit (see {@link Outbox}) and on a sweep every
 * {@code chokepoint.outbox.sweep-interval}, for what that missed. One sender runs at a time: requests are merged
 * onto one thread, and across instances a PostgreSQL advisory lock lets one relay work while the others skip.
 * Delivery is at least once: a stop after the acknowledgement and before the commit sends the message again, with
 * the same {@code ce_id}, which consumers use to drop the copy.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel every message goes through; each service configures it (connector, serializers, source). */
    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * First key of the relay's advisory lock ("out"); the second is the hash of the current schema, so that the
     * services sharing one database each relay their own outbox.
     */
    private static final int RELAY_LOCK = 0x6f7574;

    @Inject
    OutboxConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager entityManager;
    @Inject
    OutboxMetrics metrics;

    /** Never more than one batch is in flight, so the buffer stays as small as {@code batch-size}. */
    @Inject
    @Channel(CHANNEL)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<Record<String, JsonNode>> emitter;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean flushPending = new AtomicBoolean();

    /** Asks for a relay run soon, on the relay's own thread; requests made while one is pending are merged. */
    public void requestFlush() {
        if (flushPending.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // shutting down: the next start's sweep sends what is left
                flushPending.set(false);
            }
        }
    }

    /** Waits one interval before the first sweep: the channel is wired during startup. */
    @Scheduled(identity = "chokepoint-outbox-sweep",
            every = "${chokepoint.outbox.sweep-interval:5s}", delayed = "${chokepoint.outbox.sweep-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        requestFlush();
    }

    @Scheduled(identity = "chokepoint-outbox-purge",
            every = "${chokepoint.outbox.purge-interval:1h}", delayed = "${chokepoint.outbox.purge-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        try {
            long purged = QuarkusTransaction.requiringNew().call(() ->
                    OutboxMessage.purgeSentBefore(Clock.systemUTC().instant().minus(config.retention())));
            LOG.debugf("Purged %d outbox message(s) sent more than %s ago", purged, config.retention());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not purge sent outbox messages; the next run tries again");
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }

    private void drain() {
        flushPending.set(false);
        try {
            Relayed relayed;
            do {
                relayed = QuarkusTransaction.requiringNew().call(this::relayBatch);
                metrics.relayed(relayed.sentTopics());
            } while (relayed.outcome().complete() && relayed.outcome().selected() == config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Outbox relay failed; the next sweep tries again");
        }
        countPending();
    }

    /** A batch's outcome, and the topics of the messages it marked sent (one entry per message). */
    private record Relayed(OutboxBatch.Outcome outcome, List<String> sentTopics) {

        static final Relayed NONE = new Relayed(OutboxBatch.Outcome.NONE, List.of());
    }

    private Relayed relayBatch() {
        if (!lockRelay()) {
            return Relayed.NONE;
        }
        List<OutboxMessage> batch = OutboxMessage.oldestPending(config.batchSize());
        if (batch.isEmpty()) {
            return Relayed.NONE;
        }
        OutboxBatch.Outcome outcome = OutboxBatch.send(batch, this::send, config.sendTimeout(), Clock.systemUTC());
        // Only the first `sent` messages are marked sent: the batch stops at its first failure.
        return new Relayed(outcome, batch.subList(0, outcome.sent()).stream().map(message -> message.topic).toList());
    }

    private void countPending() {
        try {
            metrics.pending(QuarkusTransaction.requiringNew().call(OutboxMessage::countPending));
        } catch (RuntimeException e) {
            LOG.debugf("Could not count pending outbox messages (%s); the gauge keeps its last value", e.toString());
        }
    }

    /** Held until the batch's transaction ends; another instance holding it is relaying, so this one skips. */
    private boolean lockRelay() {
        Object locked = entityManager
                .createNativeQuery("select pg_try_advisory_xact_lock(:lock, hashtext(current_schema()))")
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /**
     * Hands the message over with the batch's transaction suspended. Otherwise context propagation would carry the
     * transaction to the Kafka thread that runs the acknowledgement, and a transaction that another thread is still
     * inside refuses to commit.
     */
    private CompletionStage<Void> send(OutboxMessage message) {
        Message<Record<String, JsonNode>> record = toKafkaMessage(message, read(message));
        return QuarkusTransaction.suspendingExisting()
                .call(() -> emitter.sendMessage(record).subscribeAsCompletionStage());
    }

    /**
     * The record, with the trace context stored with the message as the parent of the connector's producer span
     * (whose context goes out in the record's headers). The relay's own thread has no span to offer: without the
     * stored context each record would start a trace of its own. As the current context, not the previous one: that
     * is where the Kafka connector looks for the parent of what it sends.
     */
    static Message<Record<String, JsonNode>> toKafkaMessage(OutboxMessage message, JsonNode payload) {
        return Message.of(Record.of(message.messageKey, payload))
                .addMetadata(TracingMetadata.withCurrent(
                        new TraceContext(message.traceParent, message.traceState).restore()))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(message.topic).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(message.ceId)
                        .withType(message.ceType)
                        .withSubject(message.ceSubject)
                        .withTimestamp(message.createdAt.atZone(ZoneOffset.UTC))
                        .build());
    }

    private JsonNode read(OutboxMessage message) {
        if (message.payload == null) {
            return null;
        }
        try {
            return mapper.readTree(message.payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Outbox message " + message.id + " holds unreadable JSON", e);
        }
    }
}
