package io.chokepoint.alerting.lifecycle;

import io.chokepoint.alerting.alerts.AlertStatus;
import io.chokepoint.alerting.alerts.AllowedMoves;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The moves of {@link Transitions}, for the alert's answer: a client offers what the service will accept. */
@ApplicationScoped
public class LifecycleMoves implements AllowedMoves {

    @Override
    public List<String> transitionsFrom(AlertStatus status) {
        return Transitions.from(status).stream().map(Enum::name).toList();
    }

    @Override
    public boolean assignable(AlertStatus status) {
        return !Transitions.isClosed(status);
    }
}
