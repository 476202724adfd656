package io.chokepoint.monitor.risk;

import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.assessment.RiskIndicator;
import io.chokepoint.model.shipment.Party;
import io.chokepoint.model.shipment.ShipmentEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every risk indicator of a shipment's current state, each with the reasons that raised it. Pure: the one fact from
 * the service's history (whether the trading pair is new) is looked up by {@link TradingPairs} and passed in.
 * Indicators sit beside the goods classification and never change it: they grade what the goods and the screening
 * find, and never make a sanctioned-party alert by themselves.
 */
public final class RiskIndicators {

    private final RouteRisk route;
    private final QuantityRisk quantity;
    private final double firstTimePairWeight;
    private final double flagThreshold;

    public RiskIndicators(Set<String> highRiskCountries, Set<String> highRiskPorts, Map<String, Threshold> thresholds,
                          RiskConfig.Weights weights, double flagThreshold) {
        this.route = new RouteRisk(highRiskCountries, highRiskPorts, weights);
        this.quantity = new QuantityRisk(thresholds, weights.quantityAboveThreshold());
        this.firstTimePairWeight = weights.firstTimeTradingPair();
        this.flagThreshold = flagThreshold;
    }

    /**
     * @param shipment       the merged state, as an event
     * @param goods          its goods lines as classified
     * @param firstTimePair  whether this shipment is the first to pair its exporter and consignee
     */
    public List<RiskIndicator> of(ShipmentEvent shipment, List<AssessedGoodsLine> goods, boolean firstTimePair) {
        List<RiskIndicator> indicators = new ArrayList<>();
        if (shipment.route() != null) {
            route.destination(shipment.route()).ifPresent(indicators::add);
            route.transshipment(shipment.route()).ifPresent(indicators::add);
            route.doublesBack(shipment.route()).ifPresent(indicators::add);
        }
        quantity.of(goods).ifPresent(indicators::add);
        if (firstTimePair) {
            firstTimePair(shipment.exporter(), shipment.consignee()).ifPresent(indicators::add);
        }
        return List.copyOf(indicators);
    }

    /** Whether the indicators weigh enough to flag a shipment on their own. */
    public boolean flag(List<RiskIndicator> indicators) {
        return !indicators.isEmpty()
                && indicators.stream().mapToDouble(RiskIndicator::weight).sum() >= flagThreshold;
    }

    private Optional<RiskIndicator> firstTimePair(Party exporter, Party consignee) {
        if (exporter == null || consignee == null) {
            return Optional.empty();
        }
        return RouteRisk.indicator(IndicatorCode.FIRST_TIME_TRADING_PAIR, List.of("exporter \"" + exporter.name()
                + "\"" + countryOf(exporter) + " and consignee \"" + consignee.name() + "\"" + countryOf(consignee)
                + " appear together for the first time: no earlier shipment in this service's history pairs them"),
                firstTimePairWeight);
    }

    private static String countryOf(Party party) {
        return party.country() == null ? "" : " (" + party.country() + ")";
    }
}
