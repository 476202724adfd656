package io.chokepoint.alerting.rules;

import io.chokepoint.model.assessment.ShipmentAssessed;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.chokepoint.alerting.Fixtures.anppLine;
import static io.chokepoint.alerting.Fixtures.assessment;
import static io.chokepoint.alerting.Fixtures.consigneeResult;
import static io.chokepoint.alerting.Fixtures.match;
import static io.chokepoint.alerting.Fixtures.nppLine;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplanationWriterTest {

    private final ExplanationWriter writer = new ExplanationWriter();

    @Test
    void namesTheGoodsWhyTheyAreControlledAndTheMatch() {
        ShipmentAssessed assessment = assessment("S1", "D1", 1, nppLine(1), anppLine(2));
        Finding finding = new AlertRules().evaluate(assessment, consigneeResult(assessment, "OFAC-2026-11-28",
                Instant.now(), match("E1", "Cartel Front S.A.", 0.97, "SDNTK"))).get(0);

        String text = writer.explain(finding);

        assertTrue(text.startsWith("Controlled fentanyl precursor shipped to a sanctioned party."), text);
        assertTrue(text.contains("Goods line 1 \"N-Phenethyl-4-piperidone\" (CAS 39742-60-4, HS 293337) is "
                + "N-phenethyl-4-piperidone (NPP), a controlled precursor"), text);
        assertTrue(text.contains("CAS 39742-60-4 is NPP"), text);
        assertTrue(text.contains("declared under a benign HS code"), text);
        assertTrue(text.contains("Consignee \"Distribuidora Ejemplo S.A. de C.V.\" (MX) matched the listed name "
                + "\"Cartel Front S.A.\""), text);
        assertTrue(text.contains("programs SDNTK) with score 0.97: name tokens agree"), text);
        assertTrue(text.contains("List version OFAC-2026-11-28."), text);
        assertFalse(text.contains("Raised late"), text);
    }
}
