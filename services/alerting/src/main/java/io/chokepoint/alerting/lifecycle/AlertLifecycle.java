package io.chokepoint.alerting.lifecycle;

import io.chokepoint.alerting.alerts.Alert;
import io.chokepoint.alerting.alerts.AlertChanges;
import io.chokepoint.alerting.alerts.AlertDetails;
import io.chokepoint.alerting.alerts.AlertEvent;
import io.chokepoint.alerting.alerts.AlertStatus;
import io.chokepoint.alerting.audit.TransitionAttempt;
import io.chokepoint.alerting.audit.TransitionAudit;
import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;
import io.chokepoint.platform.web.UnknownIdException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What officers do to an alert: move it through its review, assign it, write notes. Each change locks the alert
 * row until commit, so changes to one alert (and new evidence from the consumers) apply one after the other;
 * a change may name the version it was based on and is refused if the alert has changed since. Every change is
 * an entry of the alert's history, with who made it, and takes the alert to a new stream position so that the
 * stream (and the webhooks that asked for updates) carry it.
 */
@ApplicationScoped
public class AlertLifecycle {

    private static final Logger LOG = Logger.getLogger(AlertLifecycle.class);

    private final AlertDetails details;
    private final Suppressions suppressions;
    private final AlertChanges changes;
    private final TransitionAudit audit;

    public AlertLifecycle(AlertDetails details, Suppressions suppressions, AlertChanges changes,
                          TransitionAudit audit) {
        this.details = details;
        this.suppressions = suppressions;
        this.changes = changes;
        this.audit = audit;
    }

    /** @param attempt the request as received, recorded with the move in its transaction */
    @Transactional
    public Alert transition(String alertId, TransitionRequest request, String actor, OptionalLong expectedVersion,
                            TransitionAttempt attempt) {
        changes.begin();
        Alert alert = details.findForUpdate(alertId);
        Transition transition = Transition.parse(request);
        checkVersion(alert, expectedVersion);
        AlertStatus from = alert.status;
        checkAllowed(alert, transition.to());
        if (Transitions.isReopen(from, transition.to()) && transition.reasonText() == null) {
            throw InvalidRequestException.of("reason.text", "reopening a dismissed alert needs a reason");
        }
        Instant now = now();
        apply(alert, transition, actor, now);
        AlertEvent entry = AlertEvent.byActor(alert.id, AlertEvent.Kind.STATUS_CHANGED, now, actor,
                summary(from, transition, actor));
        entry.fromStatus = from.name();
        entry.toStatus = transition.to().name();
        entry.reasonCode = transition.reasonCode() == null ? null : transition.reasonCode().name();
        entry.reasonText = transition.reasonText();
        entry.note = transition.note();
        entry.assignee = transition.assignee();
        entry.persist();
        followUpSuppression(alert, from, transition, actor, now);
        changes.changed(alert, AlertEvent.Kind.STATUS_CHANGED);
        audit.applied(attempt, from.name());
        LOG.infof("Alert %s moved %s -> %s by %s", alert.id, from, transition.to(), actor);
        return alert;
    }

    /** Sets or clears the assignee of an alert still under review. */
    @Transactional
    public Alert assign(String alertId, AssignmentRequest request, String actor, OptionalLong expectedVersion) {
        changes.begin();
        Alert alert = details.findForUpdate(alertId);
        AssignmentRequest.Checked checked = AssignmentRequest.check(request);
        checkVersion(alert, expectedVersion);
        if (Transitions.isClosed(alert.status)) {
            throw new LifecycleException(Response.Status.CONFLICT.getStatusCode(), new LifecycleConflict(
                    "Alert " + alert.id + " is " + alert.status + ": a closed alert takes notes, not assignees",
                    alert.status.name(), null, null, null));
        }
        Instant now = now();
        alert.assignee = checked.assignee();
        alert.updatedAt = now;
        AlertEvent entry = AlertEvent.byActor(alert.id, AlertEvent.Kind.ASSIGNED, now, actor,
                checked.assignee() == null ? "Unassigned by " + actor
                        : "Assigned to " + checked.assignee() + " by " + actor);
        entry.assignee = checked.assignee();
        entry.note = checked.note();
        entry.persist();
        changes.changed(alert, AlertEvent.Kind.ASSIGNED);
        return alert;
    }

    @Transactional
    public Alert addNote(String alertId, NoteRequest request, String actor, OptionalLong expectedVersion) {
        changes.begin();
        Alert alert = details.findForUpdate(alertId);
        String note = NoteRequest.check(request);
        checkVersion(alert, expectedVersion);
        Instant now = now();
        alert.updatedAt = now;
        AlertEvent entry = AlertEvent.byActor(alert.id, AlertEvent.Kind.NOTE_ADDED, now, actor, "Note by " + actor);
        entry.note = note;
        entry.persist();
        changes.changed(alert, AlertEvent.Kind.NOTE_ADDED);
        return alert;
    }

    /** Lifts the suppression the alert's dismissal published, keeping the alert dismissed. */
    @Transactional
    public Alert liftSuppression(String alertId, String reason, String actor, OptionalLong expectedVersion) {
        changes.begin();
        Alert alert = details.findForUpdate(alertId);
        List<FieldError> errors = new ArrayList<>();
        String text = Texts.optional(errors, "reason", reason, Texts.MAX_REASON);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        checkVersion(alert, expectedVersion);
        Instant now = now();
        if (!suppressions.lift(alert, actor, text, now)) {
            throw new UnknownIdException("Alert " + alert.id + " has no standing suppression");
        }
        alert.updatedAt = now;
        changes.changed(alert, AlertEvent.Kind.SUPPRESSION_LIFTED);
        return alert;
    }

    private static void apply(Alert alert, Transition transition, String actor, Instant now) {
        alert.status = transition.to();
        alert.statusChangedAt = now;
        alert.statusChangedBy = actor;
        alert.updatedAt = now;
        alert.reasonCode = transition.reasonCode() == null ? null : transition.reasonCode().name();
        alert.reasonText = transition.reasonText();
        if (transition.assignee() != null) {
            alert.assignee = transition.assignee();
        }
    }

    private void followUpSuppression(Alert alert, AlertStatus from, Transition transition, String actor,
                                     Instant now) {
        if (transition.reasonCode() != null && transition.reasonCode().suppressesParty()) {
            suppressions.suppress(alert, actor, transition.reasonText(), now);
        } else if (Transitions.isReopen(from, transition.to())) {
            suppressions.lift(alert, actor, transition.reasonText(), now);
        }
    }

    private static void checkVersion(Alert alert, OptionalLong expected) {
        if (expected.isPresent() && expected.getAsLong() != alert.version) {
            throw new LifecycleException(Response.Status.PRECONDITION_FAILED.getStatusCode(), new LifecycleConflict(
                    "Alert " + alert.id + " has changed since version " + expected.getAsLong() + " (it is at "
                            + alert.version + "): read it again, then decide", alert.status.name(), null, null,
                    alert.version));
        }
    }

    private static void checkAllowed(Alert alert, AlertStatus to) {
        if (!Transitions.allowed(alert.status, to)) {
            List<String> allowed = Transitions.from(alert.status).stream().map(Enum::name).toList();
            throw new LifecycleException(Response.Status.CONFLICT.getStatusCode(), new LifecycleConflict(
                    "Alert " + alert.id + " is " + alert.status + " and cannot move to " + to
                            + (allowed.isEmpty() ? ": " + alert.status + " is final" : "; from " + alert.status
                            + " it may move to " + String.join(", ", allowed)),
                    alert.status.name(), to.name(), allowed, null));
        }
    }

    private static String summary(AlertStatus from, Transition transition, String actor) {
        StringBuilder summary = new StringBuilder(from + " -> " + transition.to() + " by " + actor);
        if (transition.reasonCode() != null) {
            summary.append(" (").append(transition.reasonCode()).append(')');
        }
        if (transition.reasonText() != null) {
            summary.append(": ").append(transition.reasonText());
        }
        return summary.toString();
    }

    /** Truncated to what PostgreSQL keeps, so that answers read the same before and after a reload. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
