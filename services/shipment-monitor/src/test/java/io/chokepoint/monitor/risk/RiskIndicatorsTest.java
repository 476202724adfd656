package io.chokepoint.monitor.risk;

import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.assessment.GoodsCategory;
import io.chokepoint.model.assessment.GoodsClassification;
import io.chokepoint.model.assessment.RiskIndicator;
import io.chokepoint.model.shipment.Party;
import io.chokepoint.model.shipment.Route;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.model.shipment.ShipmentEventType;
import io.chokepoint.monitor.support.TestCatalogs;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskIndicatorsTest {

    private static final RiskIndicators RISK = TestCatalogs.risk(Set.of("VE"), Set.of("PABLB", "NLRTM"),
            Map.of("PRECURSOR", "1 KG", "NPP", "50 KG", "TABLETING_EQUIPMENT", "1 PCS"));

    private static ShipmentEvent shipment(Route route) {
        return new ShipmentEvent("e-1", ShipmentEventType.EXPORT_DECLARED, "D-1", "CN-GACC",
                Instant.parse("2026-11-28T10:15:00Z"), new Party("Exporter Co", "CN"), new Party("Consignee SA", "MX"),
                null, null, null, route, List.of());
    }

    private static Route route(String origin, String destination, String loading, String discharge, String... via) {
        return new Route(origin, destination, loading, discharge, List.of(via), "SEA", null);
    }

    private static AssessedGoodsLine line(int number, String item, GoodsCategory category, String quantity, String unit) {
        return new AssessedGoodsLine(number, item, null, null, quantity == null ? null : new BigDecimal(quantity), unit,
                new GoodsClassification(category, item, item, "test", List.of(), false));
    }

    private static List<RiskIndicator> ofRoute(Route route) {
        return RISK.of(shipment(route), List.of(), false);
    }

    private static Optional<RiskIndicator> find(List<RiskIndicator> indicators, IndicatorCode code) {
        return indicators.stream().filter(indicator -> indicator.code().equals(code.name())).findFirst();
    }

    @Test
    void aPlainRouteRaisesNothing() {
        assertTrue(ofRoute(route("CN", "MX", "CNSHA", "MXZLO", "KRPUS")).isEmpty());
    }

    @Test
    void aHighRiskDestinationCountryOrPortIsExplained() {
        RiskIndicator country = find(ofRoute(route("CN", "VE", "CNSHA", "VELAG")), IndicatorCode.HIGH_RISK_DESTINATION)
                .orElseThrow();
        assertEquals("Destination country VE is configured as high-risk", country.description());
        assertEquals(0.3, country.weight());

        RiskIndicator port = find(ofRoute(route("CN", "NL", "CNSHA", "NLRTM")), IndicatorCode.HIGH_RISK_DESTINATION)
                .orElseThrow();
        assertThat(port.description(), containsString("Port of discharge NLRTM is configured as high-risk"));

        RiskIndicator portCountry = find(ofRoute(route("CN", "CO", "CNSHA", "VELAG")),
                IndicatorCode.HIGH_RISK_DESTINATION).orElseThrow();
        assertThat(portCountry.description(), containsString("Port of discharge VELAG is in VE"));
    }

    @Test
    void everyHighRiskTransshipmentIsNamedInOneIndicator() {
        List<RiskIndicator> indicators = ofRoute(route("CN", "MX", "CNSHA", "MXZLO", "PABLB", "VELAG", "KRPUS"));
        assertEquals(1, indicators.size());
        RiskIndicator transshipment = indicators.get(0);
        assertEquals("HIGH_RISK_TRANSSHIPMENT", transshipment.code());
        assertEquals("Transshipment port PABLB is configured as high-risk; transshipment port VELAG is in VE,"
                + " configured as high-risk", transshipment.description());
    }

    @Test
    void aRouteBackToTheOriginCountryDoublesBack() {
        RiskIndicator back = find(ofRoute(route("CN", "MX", "CNSHA", "MXZLO", "KRPUS", "CNNGB")),
                IndicatorCode.ROUTE_DOUBLES_BACK).orElseThrow();
        assertEquals("Transshipment port CNNGB is in CN, the origin country, after the goods had left it at KRPUS",
                back.description());
        assertTrue(find(ofRoute(route("CN", "MX", "CNSHA", "MXZLO", "CNNGB", "KRPUS")),
                IndicatorCode.ROUTE_DOUBLES_BACK).isEmpty(), "a second port at home before leaving is no return");
    }

    @Test
    void theOriginIsThePortOfLoadingsCountryWhenNotDeclared() {
        assertTrue(find(ofRoute(route(null, "MX", "CNSHA", "MXZLO", "KRPUS", "CNNGB")),
                IndicatorCode.ROUTE_DOUBLES_BACK).isPresent());
    }

    @Test
    void aPortVisitedTwiceDoublesBack() {
        RiskIndicator twice = find(ofRoute(route("CN", "MX", "CNSHA", "MXZLO", "KRPUS", "JPTYO", "KRPUS")),
                IndicatorCode.ROUTE_DOUBLES_BACK).orElseThrow();
        assertEquals("Port KRPUS is visited twice (CNSHA > KRPUS > JPTYO > KRPUS > MXZLO)", twice.description());
    }

    @Test
    void quantitiesOfOneItemAreAddedUpAcrossLinesAndUnits() {
        List<RiskIndicator> indicators = RISK.of(shipment(null), List.of(
                line(1, "4-AP", GoodsCategory.PRECURSOR, "600", "G"),
                line(2, "4-AP", GoodsCategory.PRECURSOR, "0.5", "KGM"),
                line(3, "4-AP", GoodsCategory.PRECURSOR, "3", "PCS")), false);
        RiskIndicator quantity = find(indicators, IndicatorCode.QUANTITY_ABOVE_THRESHOLD).orElseThrow();
        assertEquals("4-AP: 1.1 KG on lines 1, 2 is above the threshold of 1 KG set for PRECURSOR (line 3 not"
                + " counted: unit not convertible to KG)", quantity.description());
    }

    @Test
    void aQuantityAtTheThresholdIsNotAboveIt() {
        assertTrue(RISK.of(shipment(null), List.of(line(1, "4-AP", GoodsCategory.PRECURSOR, "1000", "G")), false)
                .isEmpty());
    }

    @Test
    void anItemsOwnThresholdWinsOverItsCategorys() {
        assertTrue(RISK.of(shipment(null), List.of(line(1, "NPP", GoodsCategory.PRECURSOR, "25", "KG")), false)
                .isEmpty(), "25 KG of NPP is under its own 50 KG");
        RiskIndicator npp = RISK.of(shipment(null), List.of(line(1, "NPP", GoodsCategory.PRECURSOR, "0.06", "T")),
                false).get(0);
        assertThat(npp.description(), containsString("NPP: 60 KG on line 1 is above the threshold of 50 KG set for NPP"));
    }

    @Test
    void setsOfEquipmentCountAsPieces() {
        assertTrue(find(RISK.of(shipment(null), List.of(line(1, "TABLET-PRESS", GoodsCategory.TABLETING_EQUIPMENT,
                "2", "SET")), false), IndicatorCode.QUANTITY_ABOVE_THRESHOLD).isPresent());
        assertTrue(RISK.of(shipment(null), List.of(line(1, "TABLET-PRESS", GoodsCategory.TABLETING_EQUIPMENT,
                "1", "SET")), false).isEmpty());
    }

    @Test
    void goodsWithoutAThresholdOrOutsideTheCatalogRaiseNothing() {
        assertTrue(RISK.of(shipment(null), List.of(
                line(1, "SODIUM-BOROHYDRIDE", GoodsCategory.SURVEILLANCE, "5000", "KG"),
                new AssessedGoodsLine(2, "Cotton", null, null, new BigDecimal("9999"), "KG",
                        new GoodsClassification(GoodsCategory.NONE, null, null, "test", List.of(), false))), false)
                .isEmpty());
    }

    @Test
    void aFirstTimePairIsNamedWithItsParties() {
        List<RiskIndicator> indicators = RISK.of(shipment(null), List.of(), true);
        assertEquals(1, indicators.size());
        assertEquals("FIRST_TIME_TRADING_PAIR", indicators.get(0).code());
        assertThat(indicators.get(0).description(), containsString("Exporter \"Exporter Co\" (CN) and consignee"
                + " \"Consignee SA\" (MX) appear together for the first time"));
        assertEquals(0.1, indicators.get(0).weight());
        assertFalse(RISK.flag(indicators), "a new pair alone does not flag");
    }
}
