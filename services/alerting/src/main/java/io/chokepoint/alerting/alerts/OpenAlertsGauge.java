package io.chokepoint.alerting.alerts;

import io.chokepoint.alerting.rules.Severity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alerts still under review (NEW, ACKNOWLEDGED, ESCALATED) by severity, across all instances (the table is shared):
 * counted in the database at start and every {@code chokepoint.metrics.gauge-refresh-interval}, kept in memory for
 * scrapes. Every severity is exported, 0 when there is none, so that a dashboard sees a series fall to 0.
 */
@ApplicationScoped
public class OpenAlertsGauge {

    static final String OPEN = "chokepoint.alerts.open";
    private static final Logger LOG = Logger.getLogger(OpenAlertsGauge.class);
    /** Literal statuses, so that PostgreSQL uses the partial index alert_open_severity. */
    private static final String COUNT_OPEN = """
            SELECT severity, count(*) FROM alert
            WHERE status IN ('NEW', 'ACKNOWLEDGED', 'ESCALATED')
            GROUP BY severity""";

    private final EntityManager entityManager;
    private final Map<Severity, AtomicLong> open = new EnumMap<>(Severity.class);

    public OpenAlertsGauge(MeterRegistry registry, EntityManager entityManager) {
        this.entityManager = entityManager;
        for (Severity severity : Severity.values()) {
            AtomicLong count = new AtomicLong();
            open.put(severity, count);
            Gauge.builder(OPEN, count, AtomicLong::get)
                    .description("Alerts still under review (NEW, ACKNOWLEDGED, ESCALATED), as last counted")
                    .tag("severity", severity.name())
                    .strongReference(true)
                    .register(registry);
        }
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(identity = "chokepoint-open-alerts-gauge",
            every = "${chokepoint.metrics.gauge-refresh-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            Map<Severity, Long> counted = QuarkusTransaction.requiringNew().call(this::count);
            open.forEach((severity, gauge) -> gauge.set(counted.getOrDefault(severity, 0L)));
        } catch (RuntimeException e) {
            LOG.warnf("Could not count open alerts (%s); the gauge keeps its last value", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Severity, Long> count() {
        Map<Severity, Long> counted = new EnumMap<>(Severity.class);
        for (Object[] row : (List<Object[]>) entityManager.createNativeQuery(COUNT_OPEN).getResultList()) {
            counted.put(Severity.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return counted;
    }
}
