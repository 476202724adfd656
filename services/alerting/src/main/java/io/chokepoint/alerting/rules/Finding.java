package io.chokepoint.alerting.rules;

import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.shipment.PartyRole;

import java.time.Instant;
import java.util.List;

/**
 * What one rule found in one screening result: controlled goods on a shipment with a party that matched one
 * sanctioned entity. The alert key is (shipmentId, type, party role, entityId).
 *
 * @param goods             the goods lines that triggered the rule, with their classification
 * @param matchedName       the listed name or alias the party matched
 * @param matchExplanation  the registry's explanation of the score
 * @param screenedAt        when the registry screened the party, to tell newer evidence from older
 * @param screeningEventId  the screening result that carried the evidence
 */
public record Finding(
        AlertType type,
        String shipmentId,
        String declarationId,
        String reportingAgency,
        PartyRole partyRole,
        String partyName,
        String partyCountry,
        String entityId,
        String entitySource,
        String entitySourceId,
        String entityName,
        List<String> programs,
        String matchedName,
        String matchExplanation,
        double score,
        String listVersion,
        boolean late,
        List<AssessedGoodsLine> goods,
        Instant screenedAt,
        String screeningEventId) {

    public Finding {
        programs = programs == null ? List.of() : List.copyOf(programs);
        goods = List.copyOf(goods);
    }
}
