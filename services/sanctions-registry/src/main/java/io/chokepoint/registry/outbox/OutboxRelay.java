package io.chokepoint.registry.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends outbox rows to Kafka in id order and deletes them once acknowledged (at least once: a crash between
 * the acknowledgement and the delete sends them again, with the same CloudEvents id). One relay runs at a
 * time, across instances too (a PostgreSQL advisory lock), so that the order of events per key is kept:
 * a DELISTED record always precedes its tombstone.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock id of the relay: any constant that no other lock of this schema uses. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    OutboxConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager em;

    @Inject
    @Channel("sanctions-entities")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<Record<String, JsonNode>> entities;
    @Inject
    @Channel("sanctions-list-versions")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<Record<String, JsonNode>> listVersions;
    @Inject
    @Channel("screening-results")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<Record<String, JsonNode>> screeningResults;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean flushPending = new AtomicBoolean();

    /** Asks for a flush soon, on the relay's own thread; requests made while one is pending are merged. */
    public void requestFlush() {
        if (flushPending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** Waits one interval before the first sweep: the emitters' channels are wired during startup. */
    @Scheduled(every = "${chokepoint.outbox.sweep-interval}", delayed = "${chokepoint.outbox.sweep-interval}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        requestFlush();
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }

    private void drain() {
        flushPending.set(false);
        try {
            while (flushBatch() == config.batchSize()) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Outbox relay failed; the next sweep retries");
        }
    }

    private int flushBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxMessage> batch = OutboxMessage.<OutboxMessage>find("order by id")
                    .page(0, config.batchSize()).list();
            if (batch.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] acks = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(acks).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            OutboxMessage.delete("id in ?1", batch.stream().map(m -> m.id).toList());
            return batch.size();
        });
    }

    private CompletableFuture<Void> send(OutboxMessage message) {
        Message<Record<String, JsonNode>> out = Message.of(Record.of(message.key, readPayload(message)))
                .addMetadata(OutgoingCloudEventMetadata.builder().withId(message.ceId).build());
        Uni<Void> ack = emitterFor(message.topic).sendMessage(out);
        return ack.subscribeAsCompletionStage();
    }

    private JsonNode readPayload(OutboxMessage message) {
        if (message.payload == null) {
            return null;
        }
        try {
            return mapper.readTree(message.payload);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox message " + message.id + " holds unreadable JSON", e);
        }
    }

    private MutinyEmitter<Record<String, JsonNode>> emitterFor(String topic) {
        Map<String, MutinyEmitter<Record<String, JsonNode>>> byTopic = Map.of(
                Topics.SANCTIONS_ENTITIES, entities,
                Topics.SANCTIONS_LIST_VERSIONS, listVersions,
                Topics.SCREENING_RESULTS, screeningResults);
        MutinyEmitter<Record<String, JsonNode>> emitter = byTopic.get(topic);
        if (emitter == null) {
            throw new IllegalStateException("no channel for topic " + topic);
        }
        return emitter;
    }
}
