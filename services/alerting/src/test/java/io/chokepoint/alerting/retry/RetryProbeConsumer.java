package io.chokepoint.alerting.retry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.platform.messaging.ConsumerRetry;
import io.chokepoint.platform.messaging.InvalidEventException;
import io.chokepoint.platform.messaging.ProcessedEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler written like the service's own, whose failures the test chooses: each probe record says how many
 * attempts fail on a database error before one succeeds, or that it is invalid. Every attempt first writes the
 * probe's processed-event row, so a failed attempt that was not rolled back would show.
 */
@ApplicationScoped
public class RetryProbeConsumer {

    static final String CONSUMER = "retry-probe";
    static final String TOPIC = "chokepoint.retry-probe";

    /** One probe: its id, how many attempts fail before one succeeds, and whether it is valid at all. */
    public record Probe(String id, int transientFailures, boolean valid) {
    }

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Inject
    ConsumerRetry retry;
    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager entityManager;

    @Incoming("retry-probe")
    @Blocking
    public void onProbe(String record) {
        retry.inTransaction(() -> handle(record));
    }

    int attemptsOf(String probeId) {
        AtomicInteger count = attempts.get(probeId);
        return count == null ? 0 : count.get();
    }

    private void handle(String record) {
        Probe probe = read(record);
        int attempt = attempts.computeIfAbsent(probe.id(), id -> new AtomicInteger()).incrementAndGet();
        if (!probe.valid()) {
            throw new InvalidEventException("Invalid probe " + probe.id() + ": marked invalid");
        }
        ProcessedEvent.markProcessed(CONSUMER, probe.id());
        ProcessedEvent.flush();
        if (attempt <= probe.transientFailures()) {
            // A real database error, which leaves this attempt's transaction good only for a rollback.
            entityManager.createNativeQuery("select count(*) from table_briefly_unavailable").getSingleResult();
        }
    }

    private Probe read(String record) {
        try {
            return mapper.readValue(record, Probe.class);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("Unreadable probe: " + e.getOriginalMessage(), e);
        }
    }
}
