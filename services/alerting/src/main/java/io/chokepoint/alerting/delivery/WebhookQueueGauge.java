package io.chokepoint.alerting.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook deliveries not yet delivered (PENDING, and PARKED ones waiting for a resend), across all instances (the
 * table is shared): counted in the database at start and every {@code chokepoint.metrics.gauge-refresh-interval},
 * kept in memory for scrapes. Deliveries of a deleted subscription are cancelled, so they leave the queue.
 */
@ApplicationScoped
public class WebhookQueueGauge {

    static final String QUEUE_DEPTH = "chokepoint.webhook.queue.depth";
    private static final Logger LOG = Logger.getLogger(WebhookQueueGauge.class);
    /** Literal statuses, so that PostgreSQL answers from the partial index webhook_delivery_queue. */
    private static final String COUNT_QUEUED =
            "SELECT count(*) FROM webhook_delivery WHERE status IN ('PENDING', 'PARKED')";

    private final EntityManager entityManager;
    private final AtomicLong queued = new AtomicLong();

    public WebhookQueueGauge(MeterRegistry registry, EntityManager entityManager) {
        this.entityManager = entityManager;
        Gauge.builder(QUEUE_DEPTH, queued, AtomicLong::get)
                .description("Webhook deliveries not yet delivered (pending or parked), as last counted")
                .strongReference(true)
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(identity = "chokepoint-webhook-queue-gauge",
            every = "${chokepoint.metrics.gauge-refresh-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            queued.set(QuarkusTransaction.requiringNew().call(() ->
                    ((Number) entityManager.createNativeQuery(COUNT_QUEUED).getSingleResult()).longValue()));
        } catch (RuntimeException e) {
            LOG.warnf("Could not count queued webhook deliveries (%s); the gauge keeps its last value",
                    e.getMessage());
        }
    }
}
