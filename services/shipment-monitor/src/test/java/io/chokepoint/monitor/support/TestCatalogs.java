package io.chokepoint.monitor.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.monitor.catalog.ControlledGoodsCatalog;
import io.chokepoint.monitor.risk.RiskConfig;
import io.chokepoint.monitor.risk.RiskIndicators;
import io.chokepoint.monitor.risk.Threshold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/** The shipped catalog and simple risk rules, for unit tests that run without the service. */
public final class TestCatalogs {

    private TestCatalogs() {
    }

    public static ControlledGoodsCatalog shipped() {
        try (InputStream json = TestCatalogs.class.getResourceAsStream("/catalog/controlled-goods.json")) {
            return ControlledGoodsCatalog.read(json, new ObjectMapper());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every indicator weighs its default; the flag threshold is 0.3. */
    public record Weights(double highRiskDestination, double highRiskTransshipment, double quantityAboveThreshold,
                          double firstTimeTradingPair, double routeDoublesBack) implements RiskConfig.Weights {

        public static final Weights DEFAULT = new Weights(0.3, 0.3, 0.3, 0.1, 0.3);
    }

    public static RiskIndicators risk(Set<String> countries, Set<String> ports, Map<String, String> thresholds) {
        Map<String, Threshold> parsed = new java.util.HashMap<>();
        thresholds.forEach((key, text) -> parsed.put(key, Threshold.parse(key, text).orElseThrow()));
        return new RiskIndicators(countries, ports, parsed, Weights.DEFAULT, 0.3);
    }

    /** No high-risk places, no thresholds: only the route's shape and the trading pair can raise indicators. */
    public static RiskIndicators noRiskLists() {
        return risk(Set.of(), Set.of(), Map.of());
    }
}
