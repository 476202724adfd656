package io.chokepoint.model;

import io.chokepoint.model.alert.AlertRaised;
import io.chokepoint.model.alert.PartySuppressionChanged;
import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.assessment.AssessedParty;
import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.model.assessment.GoodsClassification;
import io.chokepoint.model.assessment.RiskIndicator;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.sanctions.ListVersionPublished;
import io.chokepoint.model.sanctions.SanctionedEntityChanged;
import io.chokepoint.model.screening.Match;
import io.chokepoint.model.screening.PartyScreening;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.model.shipment.GoodsLine;
import io.chokepoint.model.shipment.Money;
import io.chokepoint.model.shipment.Party;
import io.chokepoint.model.shipment.PartyIdentifier;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.model.shipment.Route;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.model.shipment.ShipmentEventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A realistic instance of each event type. */
final class SampleEvents {

    private static final Instant AT = Instant.parse("2026-11-28T10:15:00Z");
    private static final AssessedGoodsLine NPP_LINE = new AssessedGoodsLine(1, "N-Phenethyl-4-piperidone", "293337",
            "39742-60-4", new BigDecimal("25"), "KG",
            new GoodsClassification(GoodsCategory.PRECURSOR, "NPP", "N-phenethyl-4-piperidone", "2026.1",
                    List.of("CAS 39742-60-4 is NPP"), false));
    private static final Match MATCH = new Match("e-1", "OFAC-SDN", "26325", "QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD.",
            "QINSHENG PHARMACEUTICAL TECHNOLOGY CO., LTD.", "ORGANIZATION", List.of("SDNTK"), 0.97, "all tokens match");

    private SampleEvents() {
    }

    static Object of(Class<?> type) {
        if (type == ShipmentEvent.class) {
            return shipmentEvent();
        } else if (type == ShipmentAssessed.class) {
            return new ShipmentAssessed("a-1", "s-1", "CN-GACC-1", "CN-GACC", "ev-1", ShipmentEventType.EXPORT_DECLARED,
                    1, AT, AT, List.of(new AssessedParty(PartyRole.CONSIGNEE, "Qinsheng", "CN", null, null)),
                    List.of(NPP_LINE), new Route("CN", "MX", "CNSHA", "MXZLO", List.of(), "SEA", null),
                    List.of(new RiskIndicator("TRANSSHIPMENT_HIGH_RISK", "via KRPUS", 0.2)));
        } else if (type == ScreeningResult.class) {
            return new ScreeningResult("r-1", "s-1", "CN-GACC-1", "CN-GACC", "a-1", 1, "2026-11-28.0001", AT, false,
                    List.of(new PartyScreening(PartyRole.CONSIGNEE, "Qinsheng", "CN", List.of(MATCH))));
        } else if (type == SanctionedEntityChanged.class) {
            return new SanctionedEntityChanged("e-1", "OFAC-SDN", "26325", "ORGANIZATION", MATCH.name(), List.of(),
                    List.of("CN"), List.of("SDNTK"), LocalDate.of(2019, 8, 21),
                    SanctionedEntityChanged.EntityStatus.LISTED, "2026-11-28.0001", AT);
        } else if (type == ListVersionPublished.class) {
            return new ListVersionPublished("2026-11-28.0001", "OFAC-SDN", AT, 8976, 0, 0);
        } else if (type == AlertRaised.class) {
            return new AlertRaised("al-1", "PRECURSOR_TO_SANCTIONED_PARTY", "CRITICAL", "NEW", AT, false, "s-1",
                    "CN-GACC-1", "CN-GACC", new AlertRaised.AlertParty("CONSIGNEE", "Qinsheng", "CN"),
                    new AlertRaised.AlertEntity("e-1", "OFAC-SDN", "26325", MATCH.name(), List.of("SDNTK")),
                    List.of(NPP_LINE), 0.97, "2026-11-28.0001", "NPP to a party listed under SDNTK");
        } else if (type == PartySuppressionChanged.class) {
            return new PartySuppressionChanged("ps-1", "e-1|distribuidora ejemplo s a de c v", "e-1",
                    "Distribuidora Ejemplo S.A. de C.V.", "distribuidora ejemplo s a de c v", true, "al-1", "s-1",
                    "CONSIGNEE", "MX", "FALSE_POSITIVE: a different company", "officer-7", AT);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    private static ShipmentEvent shipmentEvent() {
        Party exporter = new Party("Jiangsu Example Fine Chemical Co., Ltd.", "CN", "Nanjing",
                List.of(new PartyIdentifier("USCI", "91320000MA1XXXXX")));
        return new ShipmentEvent("ev-1", ShipmentEventType.EXPORT_DECLARED, "CN-GACC-1", "CN-GACC", AT, exporter,
                new Party("Distribuidora Ejemplo S.A. de C.V.", "MX"), null, null, null,
                new Route("CN", "MX", "CNSHA", "MXZLO", List.of("KRPUS"), "SEA", "9321483"),
                List.of(new GoodsLine(1, "N-Phenethyl-4-piperidone", "293337", "39742-60-4", new BigDecimal("25"), "KG",
                        new Money(new BigDecimal("1200.00"), "USD"))));
    }
}
