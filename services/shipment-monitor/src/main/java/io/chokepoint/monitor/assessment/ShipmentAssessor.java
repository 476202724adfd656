package io.chokepoint.monitor.assessment;

import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.assessment.AssessedParty;
import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.shipment.GoodsLine;
import io.chokepoint.model.shipment.Party;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.catalog.GoodsClassifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns an accepted event into an assessment: every party with its role (all are screened downstream), every goods
 * line with what the catalog recognises it as, the route, and the risk indicators (none yet).
 */
public class ShipmentAssessor {

    private final GoodsClassifier classifier;

    public ShipmentAssessor(GoodsClassifier classifier) {
        this.classifier = classifier;
    }

    public ShipmentAssessed assess(ShipmentEvent event, UUID shipmentId, int revision, Instant now) {
        return new ShipmentAssessed(
                UUID.randomUUID().toString(),
                shipmentId.toString(),
                event.declarationId(),
                event.reportingAgency(),
                event.eventId(),
                event.eventType(),
                revision,
                event.occurredAt(),
                now,
                parties(event),
                goods(event.goods()),
                event.route(),
                List.of());
    }

    /**
     * Whether the assessment deserves a look: goods the catalog knows (controlled or watched), a mis-declared line,
     * or any risk indicator.
     */
    public static boolean isFlagged(ShipmentAssessed assessed) {
        boolean goodsOfInterest = assessed.goods().stream().anyMatch(line -> line.classification() != null
                && (line.classification().category() != GoodsCategory.NONE || line.classification().misdeclared()));
        return goodsOfInterest || !assessed.indicators().isEmpty();
    }

    private static List<AssessedParty> parties(ShipmentEvent event) {
        List<AssessedParty> parties = new ArrayList<>();
        addParty(parties, PartyRole.EXPORTER, event.exporter());
        addParty(parties, PartyRole.CONSIGNEE, event.consignee());
        addParty(parties, PartyRole.NOTIFY_PARTY, event.notifyParty());
        addParty(parties, PartyRole.INTERMEDIATE_CONSIGNEE, event.intermediateConsignee());
        addParty(parties, PartyRole.FORWARDER, event.forwarder());
        return parties;
    }

    private static void addParty(List<AssessedParty> parties, PartyRole role, Party party) {
        if (party != null) {
            parties.add(new AssessedParty(role, party.name(), party.country(), party.address(), party.identifiers()));
        }
    }

    private List<AssessedGoodsLine> goods(List<GoodsLine> lines) {
        return lines.stream()
                .map(line -> new AssessedGoodsLine(line.line(), line.description(), line.hsCode(), line.casNumber(),
                        line.quantity(), line.unit(), classifier.classify(line)))
                .toList();
    }
}
