package io.chokepoint.monitor.shipment;

import io.chokepoint.model.shipment.ShipmentEventType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.chokepoint.model.shipment.ShipmentEventType.AMENDED;
import static io.chokepoint.model.shipment.ShipmentEventType.ARRIVED;
import static io.chokepoint.model.shipment.ShipmentEventType.CANCELLED;
import static io.chokepoint.model.shipment.ShipmentEventType.DEPARTED;
import static io.chokepoint.model.shipment.ShipmentEventType.EXPORT_DECLARED;
import static io.chokepoint.model.shipment.ShipmentEventType.TRANSSHIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShipmentOwnerTest {

    private static final String CN = "CN-GACC";
    private static final String MX = "MX-ANAM";
    private static final String KR = "KR-KCS";

    private static RecordedEvent event(ShipmentEventType type, String agency) {
        RecordedEvent event = new RecordedEvent();
        event.eventType = type;
        event.reportingAgency = agency;
        return event;
    }

    private static ShipmentOwner ownerOf(RecordedEvent... asReceived) {
        return ShipmentOwner.of(Arrays.asList(asReceived));
    }

    @Test
    void theDeclaringAgencyOwnsTheShipment() {
        ShipmentOwner owner = ownerOf(event(EXPORT_DECLARED, CN), event(DEPARTED, CN), event(ARRIVED, MX));
        assertEquals(new ShipmentOwner(CN, true), owner);
        for (ShipmentEventType type : ShipmentOwner.OWNER_ONLY) {
            assertTrue(owner.admits(type, CN), type + " from the owner");
            assertFalse(owner.admits(type, MX), type + " from another agency");
        }
    }

    @Test
    void movementReportsComeFromAnyAgency() {
        ShipmentOwner owner = ownerOf(event(EXPORT_DECLARED, CN));
        for (ShipmentEventType type : List.of(DEPARTED, TRANSSHIPPED, ARRIVED)) {
            assertTrue(owner.admits(type, MX), type.name());
            assertTrue(owner.admits(type, KR), type.name());
            assertEquals(owner, owner.after(type, MX), "a movement report changes no owner");
        }
    }

    @Test
    void theFirstEventsAgencyIsTheProvisionalOwnerUntilTheDeclarationArrives() {
        ShipmentOwner provisional = ownerOf(event(ARRIVED, MX));
        assertEquals(new ShipmentOwner(MX, false), provisional);
        assertTrue(provisional.admits(AMENDED, MX));
        assertFalse(provisional.admits(AMENDED, CN), "an amendment does not take a shipment over");
        assertFalse(provisional.admits(CANCELLED, CN));
        assertTrue(provisional.admits(EXPORT_DECLARED, CN), "the declaration does");

        ShipmentOwner declared = provisional.after(EXPORT_DECLARED, CN);
        assertEquals(new ShipmentOwner(CN, true), declared);
        assertFalse(declared.admits(AMENDED, MX), "the former provisional owner may no longer amend");
        assertFalse(declared.admits(EXPORT_DECLARED, KR), "nor may a third agency declare it again");
        assertTrue(declared.admits(EXPORT_DECLARED, CN), "the owner may declare it again");
        assertEquals(declared, declared.after(EXPORT_DECLARED, CN));
        assertEquals(declared, ownerOf(event(ARRIVED, MX), event(AMENDED, MX), event(EXPORT_DECLARED, CN),
                event(EXPORT_DECLARED, KR)), "the first declaration decides, even in a history from before the rule");
    }

    @Test
    void aProvisionalOwnersAmendmentsStopCountingOnceAnotherAgencyDeclares() {
        RecordedEvent arrived = event(ARRIVED, MX);
        RecordedEvent amended = event(AMENDED, MX);
        RecordedEvent cancelled = event(CANCELLED, MX);
        RecordedEvent declared = event(EXPORT_DECLARED, CN);
        ShipmentOwner provisional = ownerOf(arrived, amended, cancelled);
        assertTrue(provisional.inForce(amended));
        assertTrue(provisional.inForce(cancelled));

        ShipmentOwner owner = ownerOf(arrived, amended, cancelled, declared);
        assertTrue(owner.inForce(arrived), "a movement report stays");
        assertTrue(owner.inForce(declared));
        assertFalse(owner.inForce(amended));
        assertFalse(owner.inForce(cancelled));
    }

    @Test
    void theDeclaringAgencyOfTheFirstEventOwnsItAtOnce() {
        assertEquals(new ShipmentOwner(CN, true), ShipmentOwner.openedBy(EXPORT_DECLARED, CN));
        assertEquals(new ShipmentOwner(CN, false), ShipmentOwner.openedBy(AMENDED, CN));
        assertThrows(IllegalArgumentException.class, () -> ShipmentOwner.of(List.of()));
    }

    @Test
    void aRefusalNamesTheEventTheDeclarationAndTheRuleButNotTheOwner() {
        ShipmentOwner owner = new ShipmentOwner(CN, true);
        assertEquals("AMENDED refused: the shipment of declaration D-1 belongs to another agency than MX-ANAM",
                owner.refusal(AMENDED, "D-1", MX));
        assertEquals("EXPORT_DECLARED refused: declaration D-1 was already declared by another agency than MX-ANAM",
                owner.refusal(EXPORT_DECLARED, "D-1", MX));
        EventRefusal refusal = EventRefusal.notTheOwner("e-9", owner.refusal(CANCELLED, "D-1", MX));
        assertEquals("event e-9: CANCELLED refused: the shipment of declaration D-1 belongs to another agency than"
                + " MX-ANAM; only the agency that owns a shipment may send EXPORT_DECLARED, AMENDED or CANCELLED for"
                + " it: the agency that declared it (until its EXPORT_DECLARED arrives, the agency that reported its"
                + " first event); DEPARTED, TRANSSHIPPED and ARRIVED may come from any agency", refusal.message());
        assertFalse(refusal.message().contains(CN));
        assertEquals("eventId e-9 is already taken by another agency's event",
                EventRefusal.eventIdTaken("e-9").message());
    }
}
