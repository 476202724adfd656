package io.chokepoint.alerting.alerts;

import java.util.List;

/** What an officer may do next to an alert in a given status: the lifecycle's rules, for whoever shows an alert. */
public interface AllowedMoves {

    /** The statuses it may move to, in the lifecycle's order; empty for a final status. */
    List<String> transitionsFrom(AlertStatus status);

    /** Whether it takes an assignee (closed alerts take notes only). */
    boolean assignable(AlertStatus status);
}
