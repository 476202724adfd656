package io.chokepoint.alerting.rules;

import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.model.shipment.PartyRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.chokepoint.alerting.Fixtures.anppLine;
import static io.chokepoint.alerting.Fixtures.assessment;
import static io.chokepoint.alerting.Fixtures.consigneeResult;
import static io.chokepoint.alerting.Fixtures.match;
import static io.chokepoint.alerting.Fixtures.nppLine;
import static io.chokepoint.alerting.Fixtures.plainLine;
import static io.chokepoint.alerting.Fixtures.surveillanceLine;
import static io.chokepoint.alerting.Fixtures.tabletPressLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertRulesTest {

    private static final Instant SCREENED = Instant.parse("2026-11-28T10:16:00Z");

    private final AlertRules rules = new AlertRules();

    @Test
    void precursorToMatchedConsignee() {
        ShipmentAssessed assessment = assessment("S1", "D1", 1, nppLine(1), plainLine(2));
        ScreeningResult result = consigneeResult(assessment, "v1", SCREENED,
                match("E1", "Cartel Front S.A.", 0.97, "SDNTK"));

        List<Finding> findings = rules.evaluate(assessment, result);

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(AlertType.PRECURSOR_TO_SANCTIONED_PARTY, finding.type());
        assertEquals(PartyRole.CONSIGNEE, finding.partyRole());
        assertEquals("E1", finding.entityId());
        assertEquals("Cartel Front S.A.", finding.entityName());
        assertEquals(List.of(1), finding.goods().stream().map(line -> line.line()).toList());
        assertEquals("S1", finding.shipmentId());
        assertEquals("D1", finding.declarationId());
        assertEquals("v1", finding.listVersion());
        assertEquals(result.eventId(), finding.screeningEventId());
    }

    @Test
    void equipmentToMatchedConsignee() {
        ShipmentAssessed assessment = assessment("S2", "D2", 1, tabletPressLine(1));
        List<Finding> findings = rules.evaluate(assessment,
                consigneeResult(assessment, "v1", SCREENED, match("E2", "Pill Press Buyer", 0.92)));

        assertEquals(1, findings.size());
        assertEquals(AlertType.EQUIPMENT_TO_SANCTIONED_PARTY, findings.get(0).type());
    }

    @Test
    void bothCategoriesAndTwoEntitiesGiveOneFindingPerTypeAndEntity() {
        ShipmentAssessed assessment = assessment("S3", "D3", 1, nppLine(1), tabletPressLine(2), anppLine(3));
        List<Finding> findings = rules.evaluate(assessment, consigneeResult(assessment, "v1", SCREENED,
                match("E1", "One", 0.97), match("E2", "Two", 0.91)));

        assertEquals(4, findings.size());
        Finding precursor = findings.stream()
                .filter(f -> f.type() == AlertType.PRECURSOR_TO_SANCTIONED_PARTY && f.entityId().equals("E2"))
                .findFirst().orElseThrow();
        assertEquals(List.of(1, 3), precursor.goods().stream().map(line -> line.line()).toList());
    }

    @Test
    void noMatchRaisesNothing() {
        ShipmentAssessed assessment = assessment("S4", "D4", 1, nppLine(1));
        assertTrue(rules.evaluate(assessment, consigneeResult(assessment, "v1", SCREENED)).isEmpty());
    }

    @Test
    void uncontrolledGoodsRaiseNothingEvenWithAMatch() {
        ShipmentAssessed assessment = assessment("S5", "D5", 1, plainLine(1), surveillanceLine(2));
        assertTrue(rules.evaluate(assessment,
                consigneeResult(assessment, "v1", SCREENED, match("E1", "One", 0.99, "SDNTK"))).isEmpty());
    }
}
