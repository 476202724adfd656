package io.chokepoint.alerting.alerts;

import com.fasterxml.jackson.core.type.TypeReference;
import io.chokepoint.alerting.rules.Finding;
import io.chokepoint.alerting.support.JsonCodec;
import io.chokepoint.model.alert.AlertRaised;
import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.shipment.PartyRole;
import jakarta.inject.Singleton;

import java.util.List;

/** Translates between the stored alert, the facts the rules work on, and the published shape. */
@Singleton
public class AlertViews {

    private static final TypeReference<List<AssessedGoodsLine>> GOODS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> PROGRAMS = new TypeReference<>() {
    };

    private final JsonCodec json;
    private final AllowedMoves moves;

    public AlertViews(JsonCodec json, AllowedMoves moves) {
        this.json = json;
        this.moves = moves;
    }

    public AlertRaised toAlertRaised(Alert alert) {
        return new AlertRaised(
                alert.id.toString(),
                alert.type.name(),
                alert.severity.name(),
                alert.status.name(),
                alert.raisedAt,
                alert.late,
                alert.shipmentId,
                alert.declarationId,
                alert.reportingAgency,
                new AlertRaised.AlertParty(alert.partyRole, alert.partyName, alert.partyCountry),
                new AlertRaised.AlertEntity(alert.entityId, alert.entitySource, alert.entitySourceId,
                        alert.entityName, programs(alert)),
                goods(alert),
                alert.score,
                alert.listVersion,
                alert.explanation);
    }

    public AlertSummary toSummary(Alert alert) {
        return new AlertSummary(toAlertRaised(alert), alert.version, alert.updatedAt, alert.assignee);
    }

    /** The facts an alert currently holds, to compare new findings with. */
    public Finding toFinding(Alert alert) {
        return new Finding(alert.type, alert.shipmentId, alert.declarationId, alert.reportingAgency,
                PartyRole.valueOf(alert.partyRole), alert.partyName, alert.partyCountry,
                alert.entityId, alert.entitySource, alert.entitySourceId, alert.entityName, programs(alert),
                alert.matchedName, alert.matchExplanation, alert.score, alert.listVersion, alert.late,
                goods(alert), alert.evidenceAt, null);
    }

    /** Copies a finding's evidence onto the alert; severity, status and explanation are the caller's. */
    public void applyEvidence(Alert alert, Finding finding) {
        alert.shipmentId = finding.shipmentId();
        alert.type = finding.type();
        alert.partyRole = finding.partyRole().name();
        alert.entityId = finding.entityId();
        alert.declarationId = finding.declarationId();
        alert.reportingAgency = finding.reportingAgency();
        alert.partyName = finding.partyName();
        alert.partyCountry = finding.partyCountry();
        alert.entitySource = finding.entitySource();
        alert.entitySourceId = finding.entitySourceId();
        alert.entityName = finding.entityName();
        alert.entityPrograms = json.write(finding.programs());
        alert.matchedName = finding.matchedName();
        alert.matchExplanation = finding.matchExplanation();
        alert.goods = json.write(finding.goods());
        alert.score = finding.score();
        alert.listVersion = finding.listVersion();
        alert.evidenceAt = finding.screenedAt();
    }

    public SequencedAlert toSequenced(Alert alert) {
        return new SequencedAlert(alert.sequence, toAlertRaised(alert), alert.originCountry,
                alert.destinationCountry);
    }

    public AlertDetail toDetail(Alert alert, List<AlertEvent> history, AlertDetail.Suppression suppression) {
        return new AlertDetail(toAlertRaised(alert), alert.matchedName, alert.matchExplanation, alert.updatedAt,
                alert.version, alert.sequence, alert.originCountry, alert.destinationCountry, alert.assignee,
                alert.statusChangedAt, alert.statusChangedBy, reason(alert.reasonCode, alert.reasonText),
                moves.transitionsFrom(alert.status), moves.assignable(alert.status), suppression,
                history.stream().map(this::toEntry).toList());
    }

    private AlertDetail.HistoryEntry toEntry(AlertEvent event) {
        return new AlertDetail.HistoryEntry(event.kind.name(), event.occurredAt, event.summary,
                event.changes == null ? null : json.tree(event.changes), event.screeningEventId, event.actor,
                event.fromStatus, event.toStatus, reason(event.reasonCode, event.reasonText), event.note,
                event.assignee);
    }

    private static AlertDetail.Reason reason(String code, String text) {
        return code == null && text == null ? null : new AlertDetail.Reason(code, text);
    }

    private List<String> programs(Alert alert) {
        return json.read(alert.entityPrograms, PROGRAMS);
    }

    private List<AssessedGoodsLine> goods(Alert alert) {
        return json.read(alert.goods, GOODS);
    }
}
