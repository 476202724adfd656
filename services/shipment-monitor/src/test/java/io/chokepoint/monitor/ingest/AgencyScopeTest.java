package io.chokepoint.monitor.ingest;

import io.chokepoint.model.shipment.ShipmentEvent;
import jakarta.ws.rs.ForbiddenException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgencyScopeTest {

    private final AgencyScope cnGacc = new AgencyScope("CN-GACC");

    private static ShipmentEvent reportedBy(String eventId, String agency) {
        ShipmentEvent event = ShipmentEventValidatorTest.valid();
        return new ShipmentEvent(eventId, event.eventType(), event.declarationId(), agency, event.occurredAt(),
                event.exporter(), event.consignee(), event.notifyParty(), event.intermediateConsignee(),
                event.forwarder(), event.route(), event.goods());
    }

    @Test
    void admitsItsOwnAgencysEventsOnly() {
        assertTrue(cnGacc.admits(reportedBy("e-1", "CN-GACC")));
        assertFalse(cnGacc.admits(reportedBy("e-1", "US-CBP")));
        assertFalse(cnGacc.admits(reportedBy("e-1", "cn-gacc")), "codes are compared exactly");
        assertDoesNotThrow(() -> cnGacc.admit(reportedBy("e-1", "CN-GACC")));
    }

    @Test
    void anotherAgencysEventIsRefusedNamingTheMismatch() {
        ForbiddenException refused = assertThrows(ForbiddenException.class,
                () -> cnGacc.admit(reportedBy("e-7", "US-CBP")));
        assertEquals(403, refused.getResponse().getStatus());
        assertEquals("Forbidden: event e-7: reportingAgency US-CBP is not the caller's agency CN-GACC",
                refused.getMessage());
    }

    @Test
    void aBatchIsRefusedWholeNamingEachOffendingIndexAndEventId() {
        List<ShipmentEvent> batch = Arrays.asList(reportedBy("e-0", "CN-GACC"), reportedBy("e-1", "US-CBP"), null,
                reportedBy("e-3", "MX-ANAM"));
        ForbiddenException refused = assertThrows(ForbiddenException.class, () -> cnGacc.admitBatch(batch));
        assertEquals("Forbidden: the batch is refused whole and none of its events was stored, as 2 events report"
                + " for another agency: index 1 (eventId e-1): reportingAgency US-CBP is not the caller's agency"
                + " CN-GACC; index 3 (eventId e-3): reportingAgency MX-ANAM is not the caller's agency CN-GACC",
                refused.getMessage());
    }

    @Test
    void aBatchOfItsOwnAgencyPassesWhateverItsRefusedEvents() {
        assertDoesNotThrow(() -> cnGacc.admitBatch(Arrays.asList(reportedBy("e-0", "CN-GACC"), null)));
    }

    @Test
    void aLongListOfOffendersIsDescribedInPartThenNamedByIndex() {
        List<ShipmentEvent> batch = new ArrayList<>();
        for (int i = 0; i < AgencyScope.DESCRIBED + 3; i++) {
            batch.add(reportedBy("e-" + i, "US-CBP"));
        }
        String message = assertThrows(ForbiddenException.class, () -> cnGacc.admitBatch(batch)).getMessage();
        assertTrue(message.contains("as 23 events report for another agency"), message);
        assertTrue(message.contains("index 19 (eventId e-19): reportingAgency US-CBP"), message);
        assertFalse(message.contains("eventId e-20"), message);
        assertTrue(message.endsWith("; and at index 20, 21, 22"), message);
    }
}
