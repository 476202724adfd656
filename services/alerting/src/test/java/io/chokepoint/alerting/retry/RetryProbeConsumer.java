package io.chokepoint.alerting.retry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.platform.messaging.BatchConsumer;
import io.chokepoint.platform.messaging.BatchHandler;
import io.chokepoint.platform.messaging.BatchWork;
import io.chokepoint.platform.messaging.InvalidEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A batch handler written like the service's own, whose failures the test chooses: each probe record says how many
 * attempts fail on a database error before one succeeds, that it always fails (poison), or that it is invalid. Each
 * attempt writes a row per probe in a table of its own before it may fail, so an attempt that was not rolled back
 * would show; what each committed batch held, and in which order, is kept for the test.
 */
@ApplicationScoped
public class RetryProbeConsumer implements BatchHandler<RetryProbeConsumer.Probe> {

    static final String CONSUMER = "retry-probe";
    static final String TOPIC = "chokepoint.retry-probe";

    /**
     * One probe: its id, its key's sequence number, how many attempts fail before one succeeds, whether it always
     * fails, and whether it is valid at all.
     */
    public record Probe(String id, int seq, int transientFailures, boolean poison, boolean valid) {
    }

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<List<String>> committedBatches = new CopyOnWriteArrayList<>();

    @Inject
    BatchConsumer consumer;
    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager entityManager;

    @Incoming("retry-probe")
    @Blocking
    public java.util.concurrent.CompletionStage<Void> onProbes(Message<List<String>> batch) {
        return consumer.consume(batch, this);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Probe read(String payload) {
        try {
            Probe probe = mapper.readValue(payload, Probe.class);
            if (!probe.valid()) {
                attempts.computeIfAbsent(probe.id(), id -> new AtomicInteger()).incrementAndGet();
                throw new InvalidEventException("Invalid probe " + probe.id() + ": marked invalid");
            }
            return probe;
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("Unreadable probe: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String eventId(Probe probe) {
        return probe.id();
    }

    @Override
    public void handle(BatchWork<Probe> work) {
        for (Probe probe : work.events()) {
            int attempt = attempts.computeIfAbsent(probe.id(), id -> new AtomicInteger()).incrementAndGet();
            entityManager.createNativeQuery("insert into retry_probe_effect (probe_id) values (:id)")
                    .setParameter("id", probe.id()).executeUpdate();
            if (probe.poison() || attempt <= probe.transientFailures()) {
                // A real database error, which leaves this attempt's transaction good only for a rollback.
                entityManager.createNativeQuery("select count(*) from table_briefly_unavailable").getSingleResult();
            }
        }
        List<String> ids = work.events().stream().map(Probe::id).toList();
        work.afterCommit(() -> committedBatches.add(ids));
    }

    int attemptsOf(String probeId) {
        AtomicInteger count = attempts.get(probeId);
        return count == null ? 0 : count.get();
    }

    /** The probes of each committed batch, in the order handled. */
    List<List<String>> committedBatches() {
        return committedBatches;
    }
}
