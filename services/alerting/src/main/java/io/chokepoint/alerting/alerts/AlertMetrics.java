package io.chokepoint.alerting.alerts;

import io.chokepoint.model.alert.AlertRaised;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;
import java.time.Instant;

/**
 * Alerts raised and updated, counted once their transaction has committed (a rolled-back raise is not counted), by
 * values the code bounds: alert type, severity, late. The pipeline latency runs from when shipment-monitor assessed
 * the shipment revision to the commit of the alert raised from it: the assessment's {@code assessedAt} is stamped
 * by this system, whereas a partner's {@code occurredAt} may be back-dated or come from a wrong clock. It is
 * recorded for alerts raised from a shipment's own screening only: a late alert (from a rescreen after a list
 * change, maybe weeks later) measures the list's news, not the pipeline.
 */
@ApplicationScoped
public class AlertMetrics {

    static final String RAISED = "chokepoint.alerts.raised";
    static final String UPDATED = "chokepoint.alerts.updated";
    static final String PIPELINE_LATENCY = "chokepoint.alert.pipeline.latency";

    private final MeterRegistry registry;
    private final Timer pipelineLatency;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.pipelineLatency = Timer.builder(PIPELINE_LATENCY)
                .description("From the assessment of a shipment revision to the commit of an alert raised from it"
                        + " (alerts from a first screening, not late ones)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    void onRaised(@Observes(during = TransactionPhase.AFTER_SUCCESS) NewAlert event) {
        AlertRaised alert = event.alert().alert();
        Counter.builder(RAISED)
                .description("Alerts raised, by type, severity and whether they came from a late rescreen")
                .tag("type", alert.type())
                .tag("severity", alert.severity())
                .tag("late", Boolean.toString(alert.late()))
                .register(registry)
                .increment();
        if (!alert.late() && event.assessedAt() != null) {
            Duration latency = Duration.between(event.assessedAt(), Instant.now());
            // negative only when the two services' clocks disagree: no measurement then
            if (!latency.isNegative()) {
                pipelineLatency.record(latency);
            }
        }
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertChanged event) {
        if (event.change() == AlertEvent.Kind.EVIDENCE_UPDATED) {
            Counter.builder(UPDATED)
                    .description("Alerts updated with new evidence (a higher score, a newer list, more goods), by type")
                    .tag("type", event.alert().alert().type())
                    .register(registry)
                    .increment();
        }
    }
}
