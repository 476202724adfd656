package io.chokepoint.alerting;

import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.assessment.AssessedParty;
import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.model.assessment.GoodsClassification;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.Match;
import io.chokepoint.model.screening.PartyScreening;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.model.shipment.Route;
import io.chokepoint.model.shipment.ShipmentEventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Events as shipment-monitor and sanctions-registry publish them, for a fictitious CN to MX shipment. */
public final class Fixtures {

    public static final String EXPORTER = "Jiangsu Example Fine Chemical Co., Ltd.";
    public static final String CONSIGNEE = "Distribuidora Ejemplo S.A. de C.V.";

    private Fixtures() {
    }

    public static AssessedGoodsLine nppLine(int line) {
        return new AssessedGoodsLine(line, "N-Phenethyl-4-piperidone", "293337", "39742-60-4",
                new BigDecimal("25"), "KG",
                new GoodsClassification(GoodsCategory.PRECURSOR, "NPP", "N-phenethyl-4-piperidone", "2026.1",
                        List.of("CAS 39742-60-4 is NPP", "HS 2933.37 is the NPP subheading"), false));
    }

    public static AssessedGoodsLine anppLine(int line) {
        return new AssessedGoodsLine(line, "4-anilino-N-phenethylpiperidine", "293339", "21409-26-7",
                new BigDecimal("5"), "KG",
                new GoodsClassification(GoodsCategory.PRECURSOR, "ANPP", "4-anilino-N-phenethylpiperidine",
                        "2026.1", List.of("CAS 21409-26-7 is ANPP"), true));
    }

    public static AssessedGoodsLine tabletPressLine(int line) {
        return new AssessedGoodsLine(line, "Rotary tablet press TDP-5", "847989", null, new BigDecimal("1"), "PCE",
                new GoodsClassification(GoodsCategory.TABLETING_EQUIPMENT, "TABLET_PRESS", "Tablet press",
                        "2026.1", List.of("description names a tablet press", "HS 8479.89"), false));
    }

    public static AssessedGoodsLine surveillanceLine(int line) {
        return new AssessedGoodsLine(line, "Propionyl chloride", "291590", "79-03-8", new BigDecimal("200"), "KG",
                new GoodsClassification(GoodsCategory.SURVEILLANCE, "PROPIONYL_CHLORIDE", "Propionyl chloride",
                        "2026.1", List.of("CAS 79-03-8 is propionyl chloride"), false));
    }

    public static AssessedGoodsLine plainLine(int line) {
        return new AssessedGoodsLine(line, "Cotton T-shirts", "610910", null, new BigDecimal("500"), "PCE",
                new GoodsClassification(GoodsCategory.NONE, null, null, "2026.1", List.of(), false));
    }

    public static ShipmentAssessed assessment(String shipmentId, String declarationId, int revision,
                                              AssessedGoodsLine... goods) {
        return new ShipmentAssessed(UUID.randomUUID().toString(), shipmentId, declarationId, "CN-GACC",
                UUID.randomUUID().toString(), ShipmentEventType.EXPORT_DECLARED, revision,
                Instant.parse("2026-11-28T10:15:00Z"), Instant.now(),
                List.of(new AssessedParty(PartyRole.EXPORTER, EXPORTER, "CN", null, null),
                        new AssessedParty(PartyRole.CONSIGNEE, CONSIGNEE, "MX", null, null)),
                Arrays.asList(goods),
                new Route("CN", "MX", "CNSHA", "MXZLO", List.of("KRPUS"), "SEA", null),
                List.of());
    }

    public static Match match(String entityId, String name, double score, String... programs) {
        return new Match(entityId, "OFAC-SDN", "2" + Math.abs(entityId.hashCode() % 10000), name, name,
                "ORGANIZATION", List.of(programs), score, "name tokens agree; country MX agrees");
    }

    /** A result in which only the consignee matched (or nobody, with no matches given). */
    public static ScreeningResult consigneeResult(ShipmentAssessed assessment, String listVersion,
                                                  Instant screenedAt, Match... consigneeMatches) {
        return new ScreeningResult(UUID.randomUUID().toString(), assessment.shipmentId(),
                assessment.declarationId(), assessment.reportingAgency(), assessment.eventId(),
                assessment.revision(), listVersion, screenedAt, false,
                List.of(new PartyScreening(PartyRole.EXPORTER, EXPORTER, "CN", List.of()),
                        new PartyScreening(PartyRole.CONSIGNEE, CONSIGNEE, "MX", List.of(consigneeMatches))));
    }

    public static ScreeningResult withEventId(ScreeningResult result, String eventId) {
        return new ScreeningResult(eventId, result.shipmentId(), result.declarationId(), result.reportingAgency(),
                result.assessmentEventId(), result.revision(), result.listVersion(), result.screenedAt(),
                result.late(), result.parties());
    }
}
