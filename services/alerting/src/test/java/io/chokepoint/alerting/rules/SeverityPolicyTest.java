package io.chokepoint.alerting.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeverityPolicyTest {

    private final SeverityPolicy policy = new SeverityPolicy(
            Map.of(AlertType.PRECURSOR_TO_SANCTIONED_PARTY, Severity.HIGH,
                    AlertType.EQUIPMENT_TO_SANCTIONED_PARTY, Severity.MEDIUM),
            List.of("SDNTK", "ILLICIT-DRUGS-EO14059", "SDNT"), 0.9);

    @Test
    void baseSeverityPerType() {
        assertEquals(Severity.HIGH, policy.severityOf(AlertType.PRECURSOR_TO_SANCTIONED_PARTY, List.of("SDGT"), 0.99));
        assertEquals(Severity.MEDIUM, policy.severityOf(AlertType.EQUIPMENT_TO_SANCTIONED_PARTY, List.of(), 0.99));
    }

    @Test
    void narcoticsProgramWithStrongScoreRaisesOneLevel() {
        assertEquals(Severity.CRITICAL,
                policy.severityOf(AlertType.PRECURSOR_TO_SANCTIONED_PARTY, List.of("SDNTK"), 0.95));
        assertEquals(Severity.HIGH,
                policy.severityOf(AlertType.EQUIPMENT_TO_SANCTIONED_PARTY, List.of("ILLICIT-DRUGS-EO14059"), 0.9));
    }

    @Test
    void weakScoreDoesNotRaise() {
        assertEquals(Severity.HIGH,
                policy.severityOf(AlertType.PRECURSOR_TO_SANCTIONED_PARTY, List.of("SDNTK"), 0.89));
    }

    @Test
    void programsInOfacCombinedFormAndAnyCaseAreRecognised() {
        assertTrue(policy.isNarcotics(List.of("SDGT] [SDNTK")));
        assertTrue(policy.isNarcotics(List.of(" sdnt ")));
        assertFalse(policy.isNarcotics(List.of("SDGT", "FTO")));
        assertFalse(policy.isNarcotics(null));
    }

    @Test
    void criticalStaysCritical() {
        SeverityPolicy critical = new SeverityPolicy(
                Map.of(AlertType.PRECURSOR_TO_SANCTIONED_PARTY, Severity.CRITICAL,
                        AlertType.EQUIPMENT_TO_SANCTIONED_PARTY, Severity.LOW), List.of("SDNTK"), 0.5);
        assertEquals(Severity.CRITICAL,
                critical.severityOf(AlertType.PRECURSOR_TO_SANCTIONED_PARTY, List.of("SDNTK"), 1.0));
        assertEquals(Severity.MEDIUM,
                critical.severityOf(AlertType.EQUIPMENT_TO_SANCTIONED_PARTY, List.of("SDNTK"), 0.5));
    }

    @Test
    void everyTypeNeedsABaseSeverity() {
        assertThrows(IllegalStateException.class, () -> new SeverityPolicy(
                Map.of(AlertType.PRECURSOR_TO_SANCTIONED_PARTY, Severity.HIGH), List.of(), 0.9));
    }
}
