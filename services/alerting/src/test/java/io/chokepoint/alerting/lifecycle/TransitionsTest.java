package io.chokepoint.alerting.lifecycle;

import io.chokepoint.alerting.alerts.AlertStatus;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.chokepoint.alerting.alerts.AlertStatus.ACKNOWLEDGED;
import static io.chokepoint.alerting.alerts.AlertStatus.CONFIRMED;
import static io.chokepoint.alerting.alerts.AlertStatus.DISMISSED;
import static io.chokepoint.alerting.alerts.AlertStatus.ESCALATED;
import static io.chokepoint.alerting.alerts.AlertStatus.NEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransitionsTest {

    @Test
    void reviewMovesForward() {
        assertEquals(Set.of(ACKNOWLEDGED, DISMISSED), Transitions.from(NEW));
        assertEquals(Set.of(ESCALATED, CONFIRMED, DISMISSED), Transitions.from(ACKNOWLEDGED));
        assertEquals(Set.of(CONFIRMED, DISMISSED), Transitions.from(ESCALATED));
    }

    @Test
    void confirmedIsFinalAndDismissedOnlyReopens() {
        assertTrue(Transitions.isFinal(CONFIRMED));
        assertEquals(Set.of(ACKNOWLEDGED), Transitions.from(DISMISSED));
        assertTrue(Transitions.isReopen(DISMISSED, ACKNOWLEDGED));
        assertFalse(Transitions.isReopen(NEW, ACKNOWLEDGED));
    }

    @Test
    void nothingLeadsBackToNewOrStaysPut() {
        for (AlertStatus status : AlertStatus.values()) {
            assertFalse(Transitions.allowed(status, NEW), status + " -> NEW");
            assertFalse(Transitions.allowed(status, status), status + " -> itself");
        }
        assertFalse(Transitions.allowed(NEW, CONFIRMED));
        assertFalse(Transitions.allowed(NEW, ESCALATED));
    }
}
