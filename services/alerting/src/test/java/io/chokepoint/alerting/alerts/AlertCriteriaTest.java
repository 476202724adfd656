package io.chokepoint.alerting.alerts;

import io.chokepoint.alerting.Fixtures;
import io.chokepoint.alerting.rules.AlertType;
import io.chokepoint.alerting.rules.Severity;
import io.chokepoint.model.alert.AlertRaised;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertCriteriaTest {

    private static final SequencedAlert ALERT = new SequencedAlert(7, new AlertRaised("a-1",
            "PRECURSOR_TO_SANCTIONED_PARTY", "HIGH", "NEW", Instant.now(), false, "s-1", "D-1", "CN-GACC",
            new AlertRaised.AlertParty("CONSIGNEE", "Distribuidora", "MX"),
            new AlertRaised.AlertEntity("ent-1", "OFAC-SDN", "123", "Cartel Front", List.of("SDNTK", "FTO")),
            List.of(Fixtures.nppLine(1)), 0.95, "v1", "..."), "CN", "MX");

    @Test
    void emptyCriteriaMatchEverything() {
        assertTrue(AlertCriteria.ANY.matches(ALERT));
    }

    @Test
    void eachCriterionNarrows() {
        assertTrue(criteria(Set.of(AlertType.PRECURSOR_TO_SANCTIONED_PARTY), Set.of(), null).matches(ALERT));
        assertFalse(criteria(Set.of(AlertType.EQUIPMENT_TO_SANCTIONED_PARTY), Set.of(), null).matches(ALERT));
        assertTrue(criteria(Set.of(), Set.of(Severity.HIGH), Severity.MEDIUM).matches(ALERT));
        assertFalse(criteria(Set.of(), Set.of(), Severity.CRITICAL).matches(ALERT));
        assertFalse(criteria(Set.of(), Set.of(Severity.LOW), null).matches(ALERT));
    }

    @Test
    void countriesAreOriginOrDestinationAndCodesIgnoreCase() {
        assertTrue(labels(Set.of("mx"), Set.of(), Set.of(), Set.of()).matches(ALERT));
        assertTrue(labels(Set.of("CN", "US"), Set.of(), Set.of(), Set.of()).matches(ALERT));
        assertFalse(labels(Set.of("KR"), Set.of(), Set.of(), Set.of()).matches(ALERT));
        assertTrue(labels(Set.of(), Set.of("sdntk"), Set.of(), Set.of()).matches(ALERT));
        assertFalse(labels(Set.of(), Set.of("SDGT"), Set.of(), Set.of()).matches(ALERT));
        assertTrue(labels(Set.of(), Set.of(), Set.of("NPP"), Set.of()).matches(ALERT));
        assertTrue(labels(Set.of(), Set.of(), Set.of("39742-60-4"), Set.of()).matches(ALERT));
        assertFalse(labels(Set.of(), Set.of(), Set.of("ANPP"), Set.of()).matches(ALERT));
        assertTrue(labels(Set.of(), Set.of(), Set.of(), Set.of("cn-gacc")).matches(ALERT));
        assertFalse(labels(Set.of("MX"), Set.of("SDNTK"), Set.of("NPP"), Set.of("US-CBP")).matches(ALERT));
    }

    private static AlertCriteria criteria(Set<AlertType> types, Set<Severity> severities, Severity min) {
        return new AlertCriteria(types, severities, min, Set.of(), Set.of(), Set.of(), Set.of());
    }

    private static AlertCriteria labels(Set<String> countries, Set<String> programs, Set<String> substances,
                                        Set<String> agencies) {
        return new AlertCriteria(Set.of(), Set.of(), null, countries, programs, substances, agencies);
    }
}
