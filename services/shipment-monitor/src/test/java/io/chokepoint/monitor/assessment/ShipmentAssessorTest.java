package io.chokepoint.monitor.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.assessment.AssessedParty;
import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.shipment.GoodsLine;
import io.chokepoint.model.shipment.Party;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.model.shipment.Route;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.model.shipment.ShipmentEventType;
import io.chokepoint.monitor.catalog.ControlledGoodsCatalog;
import io.chokepoint.monitor.catalog.GoodsClassifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShipmentAssessorTest {

    private static ShipmentAssessor assessor;

    @BeforeAll
    static void setUp() throws IOException {
        try (InputStream json = ShipmentAssessorTest.class.getResourceAsStream("/catalog/controlled-goods.json")) {
            assessor = new ShipmentAssessor(new GoodsClassifier(ControlledGoodsCatalog.read(json, new ObjectMapper())));
        }
    }

    private static ShipmentEvent event(List<GoodsLine> goods, Party notify, Party forwarder) {
        return new ShipmentEvent("e-1", ShipmentEventType.EXPORT_DECLARED, "D-1", "CN-GACC",
                Instant.parse("2026-11-28T10:15:00Z"), new Party("Exporter Co", "CN"), new Party("Consignee SA", "MX"),
                notify, null, forwarder, new Route("CN", "MX", "CNSHA", "MXZLO", List.of(), "SEA", null), goods);
    }

    @Test
    void listsThePartiesPresentWithTheirRolesAndClassifiesEveryLine() {
        UUID shipmentId = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-28T11:00:00Z");
        ShipmentAssessed assessed = assessor.assess(event(List.of(
                new GoodsLine(1, "N-Phenethyl-4-piperidone", "293337", "39742-60-4", BigDecimal.TEN, "KG", null),
                new GoodsLine(2, "Cotton T-shirts", "610910", null, BigDecimal.ONE, "PCS", null)),
                new Party("Notify Ltd", null), new Party("Forwarder GmbH", "DE")), shipmentId, 3, now);

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
        assertTrue(assessed.indicators().isEmpty());
        assertTrue(assessed.hasControlledGoods());
        assertTrue(ShipmentAssessor.isFlagged(assessed));
    }

    @Test
    void benignGoodsDoNotFlagTheShipment() {
        ShipmentAssessed assessed = assessor.assess(event(List.of(
                new GoodsLine(1, "Ceramic floor tiles", "690721", null, BigDecimal.ONE, "M2", null)), null, null),
                UUID.randomUUID(), 1, Instant.now());
        assertEquals(2, assessed.parties().size());
        assertFalse(ShipmentAssessor.isFlagged(assessed));
    }
}
