package io.chokepoint.monitor.assessment;

import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.assessment.AssessedParty;
import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.model.assessment.RiskIndicator;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.shipment.GoodsLine;
import io.chokepoint.model.shipment.Party;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.catalog.GoodsClassifier;
import io.chokepoint.monitor.risk.RiskIndicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a shipment's merged state (dressed as the event that led to it) into an assessment: every party with its
 * role (all are screened downstream), every goods line with what the catalog recognises it as, the route, and the
 * risk indicators.
 */
public class ShipmentAssessor {

    private final RiskIndicators risk;

    public ShipmentAssessor(RiskIndicators risk) {
        this.risk = risk;
    }

    /**
     * @param classifier    the catalog's classifier, taken once so that every line is judged by one catalog version
     * @param firstTimePair whether this shipment is the first to pair its exporter and consignee
     */
    public ShipmentAssessed assess(ShipmentEvent shipment, UUID shipmentId, int revision, Instant now,
                                   GoodsClassifier classifier, boolean firstTimePair) {
        List<AssessedGoodsLine> goods = goods(shipment.goods(), classifier);
        return new ShipmentAssessed(
                UUID.randomUUID().toString(),
                shipmentId.toString(),
                shipment.declarationId(),
                shipment.reportingAgency(),
                shipment.eventId(),
                shipment.eventType(),
                revision,
                shipment.occurredAt(),
                now,
                parties(shipment),
                goods,
                shipment.route(),
                risk.of(shipment, goods, firstTimePair));
    }

    /**
     * Whether the assessment deserves a look: goods the catalog knows (controlled or watched), a mis-declared line,
     * or risk indicators that weigh enough on their own ({@code chokepoint.risk.flag-threshold}).
     */
    public boolean isFlagged(ShipmentAssessed assessed) {
        boolean goodsOfInterest = assessed.goods().stream().anyMatch(line -> line.classification() != null
                && (line.classification().category() != GoodsCategory.NONE || line.classification().misdeclared()));
        List<RiskIndicator> indicators = assessed.indicators() == null ? List.of() : assessed.indicators();
        return goodsOfInterest || risk.flag(indicators);
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

    private static List<AssessedGoodsLine> goods(List<GoodsLine> lines, GoodsClassifier classifier) {
        return lines.stream()
                .map(line -> new AssessedGoodsLine(line.line(), line.description(), line.hsCode(), line.casNumber(),
                        line.quantity(), line.unit(), classifier.classify(line)))
                .toList();
    }
}
