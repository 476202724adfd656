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
import org.hibernate.Session;
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
 * its own CloudEvents metadata, and marks them sent once the broker acknowledged them. A batch is read with one
 * query, handed to the producer whole before its acknowledgements are awaited, and marked with one update.
 * <p>
 * It runs right after a writer's commit (see {@link Outbox}), when a writer on another instance notifies (see
 * {@link OutboxListening}), and on a sweep every {@code chokepoint.outbox.sweep-interval}, for what those missed.
 * One sender runs at a time: requests are merged onto one thread, and across instances a PostgreSQL advisory lock
 * lets one relay work while the others skip. Delivery is at least once: a stop after the acknowledgement and before
 * the commit sends the message again, with the same {@code ce_id}, which consumers use to drop the copy.
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
            OutboxBatch.Outcome outcome;
            do {
                outcome = QuarkusTransaction.requiringNew().call(this::relayBatch);
                metrics.relayed(outcome.sent());
            } while (outcome.complete() && outcome.selected() == config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Outbox relay failed; the next sweep tries again");
        }
    }

    /** Sends the oldest pending batch and records its outcome, in one transaction holding the relay's lock. */
    private OutboxBatch.Outcome relayBatch() {
        if (!lockRelay()) {
            return OutboxBatch.Outcome.NONE;
        }
        List<OutboxMessage> batch = OutboxMessage.oldestPending(config.batchSize());
        if (batch.isEmpty()) {
            return OutboxBatch.Outcome.NONE;
        }
        Clock clock = Clock.systemUTC();
        OutboxBatch.Outcome outcome = OutboxBatch.send(batch, this::send, config.sendTimeout(), clock);
        entityManager.unwrap(Session.class).doWork(connection -> OutboxMarks.record(connection, outcome,
                clock.instant()));
        return outcome;
    }

    /** On the sweep's clock, not after each run: at a steady rate the relay runs hundreds of times a second. */
    @Scheduled(identity = "chokepoint-outbox-pending",
            every = "${chokepoint.outbox.sweep-interval:5s}", delayed = "${chokepoint.outbox.sweep-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void countPending() {
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
