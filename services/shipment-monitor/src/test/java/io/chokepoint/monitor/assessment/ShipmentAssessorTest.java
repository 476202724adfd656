package io.chokepoint.monitor.assessment;

import io.chokepoint.model.assessment.AssessedParty;
import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.shipment.GoodsLine;
import io.chokepoint.model.shipment.Party;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.model.shipment.Route;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.model.shipment.ShipmentEventType;
import io.chokepoint.monitor.catalog.GoodsClassifier;
import io.chokepoint.monitor.support.TestCatalogs;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShipmentAssessorTest {

    private static final GoodsClassifier CLASSIFIER = new GoodsClassifier(TestCatalogs.shipped());
    private static final ShipmentAssessor ASSESSOR = new ShipmentAssessor(
            TestCatalogs.risk(Set.of("VE"), Set.of("PABLB"), Map.of("PRECURSOR", "1 KG")));
    private static final Route ROUTE = new Route("CN", "MX", "CNSHA", "MXZLO", List.of(), "SEA", null);
    private static final GoodsLine NPP = new GoodsLine(1, "N-Phenethyl-4-piperidone", "293337", "39742-60-4",
            BigDecimal.ONE, "KG", null);
    private static final GoodsLine TILES = new GoodsLine(1, "Ceramic floor tiles", "690721", null, BigDecimal.ONE,
            "M2", null);

    private static ShipmentEvent event(List<GoodsLine> goods, Party notify, Party forwarder, Route route) {
        return new ShipmentEvent("e-1", ShipmentEventType.EXPORT_DECLARED, "D-1", "CN-GACC",
                Instant.parse("2026-11-28T10:15:00Z"), new Party("Exporter Co", "CN"), new Party("Consignee SA", "MX"),
                notify, null, forwarder, route, goods);
    }

    private static ShipmentAssessed assess(ShipmentEvent event, boolean firstTimePair) {
        return ASSESSOR.assess(event, UUID.randomUUID(), 1, Instant.now(), CLASSIFIER, firstTimePair);
    }

    @Test
    void listsThePartiesPresentWithTheirRolesAndClassifiesEveryLine() {
        UUID shipmentId = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-28T11:00:00Z");
        ShipmentAssessed assessed = ASSESSOR.assess(event(List.of(
                new GoodsLine(1, "N-Phenethyl-4-piperidone", "293337", "39742-60-4", BigDecimal.TEN, "KG", null),
                new GoodsLine(2, "Cotton T-shirts", "610910", null, BigDecimal.ONE, "PCS", null)),
                new Party("Notify Ltd", null), new Party("Forwarder GmbH", "DE"), ROUTE), shipmentId, 3, now,
                CLASSIFIER, false);

        assertEquals(List.of(PartyRole.EXPORTER, PartyRole.CONSIGNEE, PartyRole.NOTIFY_PARTY, PartyRole.FORWARDER),
                assessed.parties().stream().map(AssessedParty::role).toList());
        assertEquals(shipmentId.toString(), assessed.shipmentId());
        assertEquals("e-1", assessed.sourceEventId());
        assertNotEquals("e-1", assessed.eventId());
        assertEquals(3, assessed.revision());
        assertEquals(now, assessed.assessedAt());
        assertEquals(GoodsCategory.PRECURSOR, assessed.goods().get(0).classification().category());
        assertEquals("NPP", assessed.goods().get(0).classification().itemCode());
        assertEquals(GoodsCategory.NONE, assessed.goods().get(1).classification().category());
        assertEquals(List.of("QUANTITY_ABOVE_THRESHOLD"), assessed.indicators().stream().map(i -> i.code()).toList());
        assertTrue(assessed.hasControlledGoods());
        assertTrue(ASSESSOR.isFlagged(assessed));
    }

    @Test
    void benignGoodsOnAPlainRouteDoNotFlagTheShipment() {
        ShipmentAssessed assessed = assess(event(List.of(TILES), null, null, ROUTE), false);
        assertEquals(2, assessed.parties().size());
        assertTrue(assessed.indicators().isEmpty());
        assertFalse(ASSESSOR.isFlagged(assessed));
    }

    @Test
    void indicatorsFlagOnlyWhenTheyWeighEnough() {
        ShipmentAssessed newPair = assess(event(List.of(TILES), null, null, ROUTE), true);
        assertEquals("FIRST_TIME_TRADING_PAIR", newPair.indicators().get(0).code());
        assertFalse(ASSESSOR.isFlagged(newPair), "a first-time pair alone (0.1) is under the threshold (0.3)");

        Route viaBalboa = new Route("CN", "MX", "CNSHA", "MXZLO", List.of("PABLB"), "SEA", null);
        ShipmentAssessed highRisk = assess(event(List.of(TILES), null, null, viaBalboa), false);
        assertTrue(ASSESSOR.isFlagged(highRisk));
        assertEquals(GoodsCategory.NONE, highRisk.goods().get(0).classification().category(),
                "indicators never change what the goods are");
    }

    @Test
    void aRepeatedStateIsNoMaterialChange() {
        ShipmentAssessed first = assess(event(List.of(NPP), null, null, ROUTE), false);
        ShipmentAssessed again = assess(event(List.of(NPP), null, null, ROUTE), false);
        assertFalse(MaterialChange.between(first, again), "new ids and times alone change nothing");
    }

    @Test
    void partiesGoodsRouteAndIndicatorsAreMaterial() {
        ShipmentAssessed base = assess(event(List.of(TILES), null, null, ROUTE), false);
        assertTrue(MaterialChange.between(base, assess(event(List.of(TILES, new GoodsLine(2, "4-Anilinopiperidine",
                "293339", null, BigDecimal.ONE, "KG", null)), null, null, ROUTE), false)), "a controlled good added");
        assertTrue(MaterialChange.between(base, assess(event(List.of(TILES), null, new Party("Forwarder GmbH", "DE"),
                ROUTE), false)), "a party added");
        assertTrue(MaterialChange.between(base, assess(event(List.of(TILES), null, null,
                new Route("CN", "MX", "CNSHA", "MXZLO", List.of("KRPUS"), "SEA", null)), false)), "a route change");
        assertTrue(MaterialChange.between(base, assess(event(List.of(TILES), null, null, ROUTE), true)),
                "an indicator appears");
        assertTrue(MaterialChange.between(base, assess(event(List.of(new GoodsLine(1, "Ceramic floor tiles", "690721",
                null, BigDecimal.TEN, "M2", null)), null, null, ROUTE), false)), "a quantity change");
    }

    @Test
    void theSameQuantityWrittenDifferentlyIsNoChange() {
        ShipmentAssessed whole = assess(event(List.of(TILES), null, null, ROUTE), false);
        ShipmentAssessed decimal = assess(event(List.of(new GoodsLine(1, "Ceramic floor tiles", "690721", null,
                new BigDecimal("1.000"), "M2", null)), null, null, ROUTE), false);
        assertFalse(MaterialChange.between(whole, decimal));
    }
}
