package io.chokepoint.monitor.risk;

import io.chokepoint.monitor.codes.CountryCode;
import io.chokepoint.monitor.codes.UnLocode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured risk rules, checked when the service starts: a misspelt country, port or unit would otherwise make
 * an indicator that never fires, unnoticed.
 */
@Startup
@ApplicationScoped
public class RiskRules {

    private final RiskIndicators indicators;

    RiskRules(RiskConfig config) {
        this.indicators = build(config);
    }

    public RiskIndicators indicators() {
        return indicators;
    }

    static RiskIndicators build(RiskConfig config) {
        List<String> problems = new ArrayList<>();
        Set<String> countries = config.highRiskCountries().orElse(Set.of());
        countries.stream().filter(country -> !CountryCode.isValid(country))
                .forEach(country -> problems.add("chokepoint.risk.high-risk-countries: " + country
                        + " is not an ISO 3166-1 alpha-2 code"));
        Set<String> ports = config.highRiskPorts().orElse(Set.of());
        ports.stream().filter(port -> !UnLocode.isValid(port))
                .forEach(port -> problems.add("chokepoint.risk.high-risk-ports: " + port + " is not a UN/LOCODE"));
        Map<String, Threshold> thresholds = new LinkedHashMap<>();
        config.quantityThresholds().forEach((key, text) -> {
            Optional<Threshold> threshold = Threshold.parse(key, text);
            if (threshold.isEmpty()) {
                problems.add("chokepoint.risk.quantity-thresholds.\"" + key + "\": \"" + text
                        + "\" is not an amount and a known unit such as 1 KG, 500 G, 2 PCS or 10 L");
            } else {
                thresholds.put(key, threshold.get());
            }
        });
        checkWeights(config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("risk configuration is not usable: " + String.join("; ", problems));
        }
        return new RiskIndicators(countries, ports, thresholds, config.weight(), config.flagThreshold());
    }

    private static void checkWeights(RiskConfig config, List<String> problems) {
        RiskConfig.Weights weight = config.weight();
        Map<String, Double> weights = Map.of(
                "high-risk-destination", weight.highRiskDestination(),
                "high-risk-transshipment", weight.highRiskTransshipment(),
                "quantity-above-threshold", weight.quantityAboveThreshold(),
                "first-time-trading-pair", weight.firstTimeTradingPair(),
                "route-doubles-back", weight.routeDoublesBack());
        weights.forEach((key, value) -> {
            if (value < 0 || value > 1) {
                problems.add("chokepoint.risk.weight." + key + ": " + value + " is not between 0 and 1");
            }
        });
        if (config.flagThreshold() <= 0) {
            problems.add("chokepoint.risk.flag-threshold: must be above 0");
        }
    }
}
