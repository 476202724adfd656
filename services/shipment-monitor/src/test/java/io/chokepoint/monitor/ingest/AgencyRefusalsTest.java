package io.chokepoint.monitor.ingest;

import io.chokepoint.monitor.shipment.EventRefusal;
import io.chokepoint.monitor.shipment.ShipmentOwner;
import jakarta.ws.rs.WebApplicationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgencyRefusalsTest {

    private static final String NOT_OWNER = "AMENDED refused: the shipment of declaration D-1 belongs to another"
            + " agency than MX-ANAM";

    private static EventRefusal notTheOwner(String eventId) {
        return new EventRefusal(EventRefusal.Rule.NOT_THE_OWNER, eventId, "reportingAgency", NOT_OWNER);
    }

    private static EventRefusal taken(String eventId) {
        return new EventRefusal(EventRefusal.Rule.EVENT_ID_TAKEN, eventId, "eventId",
                "eventId " + eventId + " is already taken by another agency's event");
    }

    @Test
    void aSingleEventIsForbiddenForAnotherAgencysShipmentAndAConflictForAnotherAgencysEventId() {
        WebApplicationException forbidden = AgencyRefusals.of(notTheOwner("e-1"));
        assertEquals(403, forbidden.getResponse().getStatus());
        assertEquals("Forbidden: event e-1: " + NOT_OWNER + "; " + ShipmentOwner.RULE, forbidden.getMessage());

        WebApplicationException conflict = AgencyRefusals.of(taken("e-2"));
        assertEquals(409, conflict.getResponse().getStatus());
        assertEquals("eventId e-2 is already taken by another agency's event", conflict.getMessage());
    }

    @Test
    void aBatchIsRefusedWholeNamingEachIndexAndTheRuleOnce() {
        List<EventRefusal> refusals = Arrays.asList(null, notTheOwner("e-1"), null, taken("e-3"), notTheOwner("e-4"));
        WebApplicationException refused = assertThrows(WebApplicationException.class,
                () -> AgencyRefusals.refuseBatchIfAny(refusals));
        assertEquals(403, refused.getResponse().getStatus(), "another agency's shipment is what forbids it");
        assertEquals("Forbidden: the batch is refused whole and none of its events was stored, as 3 events touch"
                + " another agency's data: index 1 (eventId e-1): " + NOT_OWNER + "; index 3 (eventId e-3): eventId"
                + " e-3 is already taken by another agency's event; index 4 (eventId e-4): " + NOT_OWNER
                + ". The rule: " + ShipmentOwner.RULE, refused.getMessage());
    }

    @Test
    void aBatchWithTakenEventIdsOnlyIsAConflict() {
        WebApplicationException refused = assertThrows(WebApplicationException.class,
                () -> AgencyRefusals.refuseBatchIfAny(Arrays.asList(taken("e-0"), null)));
        assertEquals(409, refused.getResponse().getStatus());
        assertEquals("the batch is refused whole and none of its events was stored, as 1 event touches another"
                + " agency's data: index 0 (eventId e-0): eventId e-0 is already taken by another agency's event",
                refused.getMessage());
    }

    @Test
    void aBatchWithoutRefusalsPasses() {
        assertDoesNotThrow(() -> AgencyRefusals.refuseBatchIfAny(Arrays.asList(null, null)));
    }

    @Test
    void aLongListIsDescribedInPartThenNamedByIndex() {
        List<EventRefusal> refusals = new ArrayList<>();
        for (int i = 0; i < AgencyScope.DESCRIBED + 2; i++) {
            refusals.add(notTheOwner("e-" + i));
        }
        String message = assertThrows(WebApplicationException.class,
                () -> AgencyRefusals.refuseBatchIfAny(refusals)).getMessage();
        assertTrue(message.contains("index 19 (eventId e-19)"), message);
        assertFalse(message.contains("eventId e-20"), message);
        assertTrue(message.contains("; and at index 20, 21. The rule: "), message);
    }
}
