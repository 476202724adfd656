package io.chokepoint.monitor.shipment;

import io.chokepoint.model.shipment.GoodsLine;
import io.chokepoint.model.shipment.Party;
import io.chokepoint.model.shipment.PartyIdentifier;
import io.chokepoint.model.shipment.Route;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.model.shipment.ShipmentEventType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.chokepoint.model.shipment.ShipmentEventType.AMENDED;
import static io.chokepoint.model.shipment.ShipmentEventType.ARRIVED;
import static io.chokepoint.model.shipment.ShipmentEventType.CANCELLED;
import static io.chokepoint.model.shipment.ShipmentEventType.DEPARTED;
import static io.chokepoint.model.shipment.ShipmentEventType.EXPORT_DECLARED;
import static io.chokepoint.model.shipment.ShipmentEventType.TRANSSHIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventMergeTest {

    private static final Party EXPORTER = new Party("Jiangsu Example Fine Chemical Co., Ltd.", "CN", "1 Example Road",
            List.of(new PartyIdentifier("USCI", "91320000MA1XXXXX")));
    private static final Party CONSIGNEE = new Party("Distribuidora Ejemplo S.A. de C.V.", "MX");
    private static final Route ROUTE = new Route("CN", "MX", "CNSHA", "MXZLO", List.of("KRPUS"), "SEA", "9321483");
    private static final GoodsLine NPP = new GoodsLine(1, "N-Phenethyl-4-piperidone", "293337", "39742-60-4",
            new BigDecimal("25"), "KG", null);
    private static final GoodsLine TILES = new GoodsLine(2, "Ceramic floor tiles", "690721", null,
            new BigDecimal("100"), "M2", null);

    private static int counter;

    private static ShipmentEvent event(ShipmentEventType type, String occurredAt, Party exporter, Party consignee,
                                       Party forwarder, Route route, GoodsLine... goods) {
        return new ShipmentEvent("e-" + (++counter), type, "D-1", "CN-GACC", Instant.parse(occurredAt), exporter,
                consignee, null, null, forwarder, route, List.of(goods));
    }

    /** Only what the contract requires: the two parties' names and one goods line. */
    private static ShipmentEvent bare(ShipmentEventType type, String occurredAt, GoodsLine line) {
        return event(type, occurredAt, new Party(EXPORTER.name(), null), new Party(CONSIGNEE.name(), null), null,
                null, line);
    }

    private static ShipmentEvent declared() {
        return event(EXPORT_DECLARED, "2026-11-28T10:00:00Z", EXPORTER, CONSIGNEE, null, ROUTE, NPP, TILES);
    }

    @Test
    void aBareMovementReportKeepsWhatWasDeclared() {
        ShipmentEvent departed = bare(DEPARTED, "2026-11-29T10:00:00Z", new GoodsLine(1, "Chemicals", null, null,
                null, null, null));
        EventMerge.Merged merged = EventMerge.merge(List.of(declared(), departed));

        assertEquals(List.of(NPP, TILES), merged.state().goods());
        assertEquals(EXPORTER, merged.state().exporter(), "the declared exporter keeps its country and identifiers");
        assertEquals(ROUTE, merged.state().route());
        assertEquals(DEPARTED, merged.status());
        assertEquals(Instant.parse("2026-11-29T10:00:00Z"), merged.statusAt());
    }

    @Test
    void anAmendmentReplacesWhatItCarriesAndKeepsTheRest() {
        Party newConsignee = new Party("Importadora Nueva S.A.", "MX");
        GoodsLine moreNpp = new GoodsLine(1, "N-Phenethyl-4-piperidone", "293337", "39742-60-4",
                new BigDecimal("40"), "KG", null);
        GoodsLine added = new GoodsLine(3, "4-Anilinopiperidine", "293339", "23056-29-3", BigDecimal.ONE, "KG", null);
        ShipmentEvent amended = event(AMENDED, "2026-11-29T09:00:00Z", new Party(EXPORTER.name(), null), newConsignee,
                null, new Route(null, null, null, "MXLZC", null, null, null), moreNpp, added);

        ShipmentState state = EventMerge.merge(List.of(declared(), amended)).state();

        assertEquals(List.of(moreNpp, TILES, added), state.goods(), "line 1 replaced, line 2 kept, line 3 added");
        assertEquals(newConsignee, state.consignee());
        assertEquals(EXPORTER, state.exporter(), "the same exporter, named again, keeps its country and identifiers");
        assertEquals(new Route("CN", "MX", "CNSHA", "MXLZC", List.of("KRPUS"), "SEA", "9321483"), state.route(),
                "only the port of discharge changed");
    }

    @Test
    void aPartyUnderAnotherNameIsReplacedWhole() {
        Party renamed = new Party("Jiangsu Other Chemical Co., Ltd.", null);
        ShipmentEvent amended = event(AMENDED, "2026-11-29T09:00:00Z", renamed, CONSIGNEE, null, null, NPP);
        assertEquals(renamed, EventMerge.merge(List.of(declared(), amended)).state().exporter(),
                "the old exporter's country and identifiers do not stick to the new one");
    }

    @Test
    void theSamePartyWrittenDifferentlyTakesTheNewDetails() {
        ShipmentEvent amended = event(AMENDED, "2026-11-29T09:00:00Z",
                new Party("JIANGSU EXAMPLE FINE CHEMICAL CO LTD", "CN", "2 New Road", null), CONSIGNEE, null, null, NPP);
        Party exporter = EventMerge.merge(List.of(declared(), amended)).state().exporter();
        assertEquals("2 New Road", exporter.address());
        assertEquals(EXPORTER.identifiers(), exporter.identifiers());
    }

    @Test
    void movementReportsAddOnlyWhatIsUnknown() {
        Party forwarder = new Party("Example Forwarding Ltd", "KR");
        ShipmentEvent transshipped = event(TRANSSHIPPED, "2026-12-02T00:00:00Z", new Party("Someone Else Ltd", "HK"),
                new Party(CONSIGNEE.name(), "MX", "Av. Ejemplo 1", null), forwarder,
                new Route("HK", "US", "HKHKG", "USLAX", List.of("KRPUS", "JPTYO"), "AIR", null),
                new GoodsLine(1, "Cotton", "610910", null, BigDecimal.ONE, "PCS", null),
                new GoodsLine(4, "Spare tablet punches", "847990", null, BigDecimal.TEN, "PCS", null));

        ShipmentState state = EventMerge.merge(List.of(declared(), transshipped)).state();

        assertEquals(EXPORTER, state.exporter(), "a report never replaces a declared party");
        assertEquals("Av. Ejemplo 1", state.consignee().address(), "the same consignee's missing address is filled");
        assertEquals(forwarder, state.forwarder(), "a role nobody declared is taken");
        assertEquals(new Route("CN", "MX", "CNSHA", "MXZLO", List.of("KRPUS", "JPTYO"), "SEA", "9321483"),
                state.route(), "declared fields stay; a new transshipment port is appended");
        assertEquals(NPP, state.goods().get(0), "a report never replaces a declared line");
        assertEquals(4, state.goods().get(2).line(), "a new line number is added");
    }

    @Test
    void aReportedQuantityIsTakenOnlyWithItsUnit() {
        ShipmentEvent declaredWithoutQuantity = event(EXPORT_DECLARED, "2026-11-28T10:00:00Z", EXPORTER, CONSIGNEE,
                null, ROUTE, new GoodsLine(1, "4-Piperidone", "293339", null, null, "KG", null));
        ShipmentEvent departed = bare(DEPARTED, "2026-11-29T10:00:00Z",
                new GoodsLine(1, null, null, "41661-47-6", new BigDecimal("500"), "G", null));

        GoodsLine line = EventMerge.merge(List.of(declaredWithoutQuantity, departed)).state().goods().get(0);

        assertEquals("4-Piperidone", line.description());
        assertEquals("41661-47-6", line.casNumber(), "a CAS number missing from the declaration is added");
        assertEquals(new BigDecimal("500"), line.quantity());
        assertEquals("G", line.unit());
    }

    @Test
    void theOrderOfArrivalDoesNotMatter() {
        ShipmentEvent amended = event(AMENDED, "2026-11-29T00:00:00Z", EXPORTER, new Party("Importadora Nueva", "MX"),
                null, null, new GoodsLine(3, "4-Anilinopiperidine", "293339", null, BigDecimal.ONE, "KG", null));
        ShipmentEvent departed = bare(DEPARTED, "2026-11-30T00:00:00Z", new GoodsLine(1, "Chemicals", null, null,
                null, null, null));
        ShipmentEvent transshipped = event(TRANSSHIPPED, "2026-12-02T00:00:00Z", EXPORTER, CONSIGNEE, null,
                new Route(null, null, null, null, List.of("PABLB"), null, null), NPP);
        ShipmentEvent arrived = bare(ARRIVED, "2026-12-10T00:00:00Z", NPP);
        List<ShipmentEvent> inOrder = List.of(declared(), amended, departed, transshipped, arrived);
        EventMerge.Merged expected = EventMerge.merge(inOrder);

        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<ShipmentEvent> shuffled = new ArrayList<>(inOrder);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, EventMerge.merge(shuffled), shuffled.stream().map(e -> e.eventType().name()).toList()
                    .toString());
        }
        assertEquals(ARRIVED, expected.status());
        assertEquals("Importadora Nueva", expected.state().consignee().name());
        assertEquals(List.of("KRPUS", "PABLB"), expected.state().route().transshipmentPorts());
        assertEquals(3, expected.state().goods().size());
    }

    @Test
    void anOlderDeclarationArrivingLateDoesNotUndoANewerAmendment() {
        ShipmentEvent amended = event(AMENDED, "2026-11-29T00:00:00Z", EXPORTER, CONSIGNEE, null, null,
                new GoodsLine(1, "N-Phenethyl-4-piperidone", "293337", "39742-60-4", new BigDecimal("40"), "KG", null));
        EventMerge.Merged merged = EventMerge.merge(List.of(amended, declared()));
        assertEquals(new BigDecimal("40"), merged.state().goods().get(0).quantity());
        assertEquals(AMENDED, merged.status());
    }

    @Test
    void aLateReportDoesNotMoveTheStatusBack() {
        EventMerge.Merged merged = EventMerge.merge(List.of(declared(),
                bare(ARRIVED, "2026-12-10T00:00:00Z", NPP), bare(DEPARTED, "2026-11-30T00:00:00Z", NPP)));
        assertEquals(ARRIVED, merged.status());
    }

    @Test
    void aCancelledShipmentStaysCancelled() {
        EventMerge.Merged merged = EventMerge.merge(List.of(declared(),
                bare(CANCELLED, "2026-11-29T00:00:00Z", NPP), bare(ARRIVED, "2026-12-10T00:00:00Z", NPP)));
        assertTrue(merged.cancelled());
        assertEquals(CANCELLED, merged.status());
        assertEquals(Instant.parse("2026-11-29T00:00:00Z"), merged.cancelledAt());
        assertEquals(List.of(NPP, TILES), merged.state().goods(), "a cancellation does not erase the goods");
        assertFalse(EventMerge.merge(List.of(declared())).cancelled());
        assertNull(EventMerge.merge(List.of(declared())).cancelledAt());
    }

    @Test
    void countriesAreThePartiesOriginAndDestination() {
        ShipmentState state = EventMerge.merge(List.of(event(EXPORT_DECLARED, "2026-11-28T10:00:00Z", EXPORTER,
                CONSIGNEE, new Party("Forwarder", "KR"), new Route("HK", "US", null, null, null, null, null), NPP)))
                .state();
        assertEquals(List.of("CN", "HK", "KR", "MX", "US"), List.copyOf(state.countries()));
    }
}
