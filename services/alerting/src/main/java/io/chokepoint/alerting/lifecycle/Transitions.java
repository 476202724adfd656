package io.chokepoint.alerting.lifecycle;

import io.chokepoint.alerting.alerts.AlertStatus;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which moves an officer may make from each status. CONFIRMED is final: a confirmed alert has led to action
 * (a hold, a seizure) that this service does not undo. DISMISSED may be reopened to ACKNOWLEDGED, with a reason,
 * because a dismissal can prove wrong when more is learnt; reopening lifts the false-positive suppression the
 * dismissal published.
 */
public final class Transitions {

    private static final Map<AlertStatus, Set<AlertStatus>> ALLOWED = new EnumMap<>(AlertStatus.class);

    static {
        ALLOWED.put(AlertStatus.NEW, EnumSet.of(AlertStatus.ACKNOWLEDGED, AlertStatus.DISMISSED));
        ALLOWED.put(AlertStatus.ACKNOWLEDGED,
                EnumSet.of(AlertStatus.ESCALATED, AlertStatus.CONFIRMED, AlertStatus.DISMISSED));
        ALLOWED.put(AlertStatus.ESCALATED, EnumSet.of(AlertStatus.CONFIRMED, AlertStatus.DISMISSED));
        ALLOWED.put(AlertStatus.CONFIRMED, EnumSet.noneOf(AlertStatus.class));
        ALLOWED.put(AlertStatus.DISMISSED, EnumSet.of(AlertStatus.ACKNOWLEDGED));
    }

    private Transitions() {
    }

    /** The statuses an alert may move to from the given one, in the enum's order. */
    public static Set<AlertStatus> from(AlertStatus status) {
        return Collections.unmodifiableSet(ALLOWED.get(status));
    }

    public static boolean allowed(AlertStatus from, AlertStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** A move back out of a closing status: it needs a reason. */
    public static boolean isReopen(AlertStatus from, AlertStatus to) {
        return from == AlertStatus.DISMISSED && to == AlertStatus.ACKNOWLEDGED;
    }

    /** No move leads out of it. */
    public static boolean isFinal(AlertStatus status) {
        return ALLOWED.get(status).isEmpty();
    }

    /** Closed alerts (final or dismissed) take notes but no assignment. */
    public static boolean isClosed(AlertStatus status) {
        return status == AlertStatus.CONFIRMED || status == AlertStatus.DISMISSED;
    }
}
