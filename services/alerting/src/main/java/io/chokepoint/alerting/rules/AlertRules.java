package io.chokepoint.alerting.rules;

import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.Match;
import io.chokepoint.model.screening.PartyScreening;
import io.chokepoint.model.screening.ScreeningResult;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sanctioned-party rules: a shipment carrying goods of a type's trigger category, with a party that matched
 * a sanctioned entity, yields one finding per (type, party, entity).
 */
@Singleton
public class AlertRules {

    /** Evaluates one screening result against the assessment of the revision it screened. */
    public List<Finding> evaluate(ShipmentAssessed assessment, ScreeningResult result) {
        List<Finding> findings = new ArrayList<>();
        for (AlertType type : AlertType.values()) {
            List<AssessedGoodsLine> triggering = triggeringGoods(type, assessment);
            if (triggering.isEmpty()) {
                continue;
            }
            for (PartyScreening party : nonNull(result.parties())) {
                for (Match match : nonNull(party.matches())) {
                    findings.add(finding(type, assessment, result, party, match, triggering));
                }
            }
        }
        return findings;
    }

    static List<AssessedGoodsLine> triggeringGoods(AlertType type, ShipmentAssessed assessment) {
        return nonNull(assessment.goods()).stream()
                .filter(line -> line.classification() != null && line.classification().category() == type.trigger())
                .toList();
    }

    private static Finding finding(AlertType type, ShipmentAssessed assessment, ScreeningResult result,
                                   PartyScreening party, Match match, List<AssessedGoodsLine> goods) {
        return new Finding(type,
                result.shipmentId(),
                either(result.declarationId(), assessment.declarationId()),
                either(result.reportingAgency(), assessment.reportingAgency()),
                party.role(), party.name(), party.country(),
                match.entityId(), match.source(), match.sourceId(), match.name(), match.programs(),
                match.matchedName(), match.explanation(), match.score(),
                result.listVersion(), result.late(), goods, result.screenedAt(), result.eventId());
    }

    private static String either(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
