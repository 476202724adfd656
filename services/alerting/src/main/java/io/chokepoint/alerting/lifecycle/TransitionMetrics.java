package io.chokepoint.alerting.lifecycle;

import io.chokepoint.alerting.alerts.AlertStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * Officers' moves of alerts by target status: {@code applied} once committed, {@code refused} when answered 400
 * (a bad body or If-Match), 409 (not allowed from where the alert stands) or 412 (a stale If-Match). The target is
 * the status asked for when it names one, else {@code unknown}: never the free text of a request.
 */
@ApplicationScoped
public class TransitionMetrics {

    static final String TRANSITIONS = "chokepoint.alert.transitions";
    static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;

    public TransitionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void applied(AlertStatus to) {
        count(to.name(), "applied");
    }

    void refused(TransitionRequest request) {
        count(request == null ? UNKNOWN : target(request.status()), "refused");
    }

    static String target(String requested) {
        if (requested == null) {
            return UNKNOWN;
        }
        try {
            return AlertStatus.valueOf(requested.trim().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    private void count(String to, String outcome) {
        Counter.builder(TRANSITIONS)
                .description("Officers' moves of alerts by target status: applied, or refused (400, 409, 412)")
                .tag("to", to)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
