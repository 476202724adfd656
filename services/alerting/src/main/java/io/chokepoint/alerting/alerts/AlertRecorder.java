package io.chokepoint.alerting.alerts;

import io.chokepoint.alerting.rules.ExplanationWriter;
import io.chokepoint.alerting.rules.Finding;
import io.chokepoint.alerting.rules.Severity;
import io.chokepoint.alerting.rules.SeverityPolicy;
import io.chokepoint.alerting.support.JsonCodec;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.shipment.Route;
import io.chokepoint.platform.outbox.OutboundEvent;
import io.chokepoint.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns findings into alerts: raises an alert the first time a finding's key is seen, folds new evidence into
 * it afterwards, and records both in the alert's history. Only a raise is published on {@code alerts.raised},
 * numbered for the stream (see {@link AlertSequencer}) and announced as a {@link NewAlert} inside the transaction;
 * an update takes a new stream position and is announced as an {@link AlertChanged}.
 */
@ApplicationScoped
public class AlertRecorder {

    private static final Logger LOG = Logger.getLogger(AlertRecorder.class);

    private final SeverityPolicy severityPolicy;
    private final ExplanationWriter explanations;
    private final AlertViews views;
    private final JsonCodec json;
    private final Outbox outbox;
    private final AlertSequencer sequencer;
    private final Event<NewAlert> newAlerts;
    private final AlertChanges alertChanges;
    private final AlertsInHand inHand;

    public AlertRecorder(SeverityPolicy severityPolicy, ExplanationWriter explanations, AlertViews views,
                         JsonCodec json, Outbox outbox, AlertSequencer sequencer, Event<NewAlert> newAlerts,
                         AlertChanges alertChanges, AlertsInHand inHand) {
        this.severityPolicy = severityPolicy;
        this.explanations = explanations;
        this.views = views;
        this.json = json;
        this.outbox = outbox;
        this.sequencer = sequencer;
        this.newAlerts = newAlerts;
        this.alertChanges = alertChanges;
        this.inHand = inHand;
    }

    /** @param assessment the assessment the finding came from: its route is kept on a new alert */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Finding finding, ShipmentAssessed assessment) {
        alertChanges.begin();
        inHand.find(finding.shipmentId(), finding.type(), finding.partyRole().name(), finding.entityId())
                .ifPresentOrElse(alert -> update(alert, finding), () -> raise(finding, assessment));
    }

    private void raise(Finding finding, ShipmentAssessed assessment) {
        Route route = assessment.route();
        Instant now = now();
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.sequence = sequencer.next();
        alert.streamPosition = alert.sequence;
        views.applyEvidence(alert, finding);
        if (route != null) {
            alert.originCountry = route.originCountry();
            alert.destinationCountry = route.destinationCountry();
        }
        alert.severity = severityOf(finding);
        alert.status = AlertStatus.NEW;
        alert.raisedAt = now;
        alert.updatedAt = now;
        alert.late = finding.late();
        alert.explanation = explanations.explain(finding);
        alert.persist();
        inHand.add(alert);
        AlertEvent.of(alert.id, AlertEvent.Kind.RAISED, now,
                "Raised " + alert.severity + " from screening result " + finding.screeningEventId(),
                null, finding.screeningEventId()).persist();
        String alertId = alert.id.toString();
        outbox.enqueue(OutboundEvent.of(Topics.ALERTS_RAISED, alertId, views.toAlertRaised(alert))
                .withSubject(alertId));
        newAlerts.fire(new NewAlert(views.toSequenced(alert), assessment.assessedAt()));
        LOG.infof("Raised alert %s %s for shipment %s, %s matched %s", alert.id, alert.type,
                alert.shipmentId, alert.partyRole, alert.entityId);
    }

    private void update(Alert alert, Finding finding) {
        EvidenceMerge merge = EvidenceMerge.of(views.toFinding(alert), finding);
        if (!merge.changed()) {
            return;
        }
        Map<String, EvidenceMerge.Change> changes = new LinkedHashMap<>(merge.changes());
        Severity severity = alert.severity.atLeast(severityOf(merge.merged()));
        if (severity != alert.severity) {
            changes.put("severity", new EvidenceMerge.Change(alert.severity, severity));
        }
        views.applyEvidence(alert, merge.merged());
        alert.severity = severity;
        alert.explanation = explanations.explain(merge.merged());
        alert.updatedAt = now();
        AlertEvent.of(alert.id, AlertEvent.Kind.EVIDENCE_UPDATED, alert.updatedAt, summary(changes, finding),
                json.write(changes), finding.screeningEventId()).persist();
        alertChanges.changed(alert, AlertEvent.Kind.EVIDENCE_UPDATED);
        LOG.infof("Updated alert %s with new evidence: %s", alert.id, changes.keySet());
    }

    private Severity severityOf(Finding finding) {
        return severityPolicy.severityOf(finding.type(), finding.programs(), finding.score());
    }

    private static String summary(Map<String, EvidenceMerge.Change> changes, Finding finding) {
        return "New evidence from screening result " + finding.screeningEventId() + ": "
                + changes.entrySet().stream()
                .map(change -> change.getKey() + " " + change.getValue().from() + " -> " + change.getValue().to())
                .collect(Collectors.joining("; "));
    }

    /** Truncated to what PostgreSQL keeps, so the published alert and the stored one read the same. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
