package io.chokepoint.monitor.risk;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskRulesTest {

    private static RiskConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(RiskConfig.class)
                .withSources(new MapBackedConfigSource("test", properties) {
                })
                .build();
        return config.getConfigMapping(RiskConfig.class);
    }

    @Test
    void nothingConfiguredMeansNoListsNoThresholdsAndTheDefaultWeights() {
        RiskConfig config = config(Map.of());
        assertTrue(config.highRiskCountries().isEmpty());
        assertTrue(config.quantityThresholds().isEmpty());
        assertEquals(0.1, config.weight().firstTimeTradingPair());
        assertEquals(0.3, config.flagThreshold());
        RiskRules.build(config);
    }

    @Test
    void configuredListsAndThresholdsAreRead() {
        RiskConfig config = config(Map.of(
                "chokepoint.risk.high-risk-countries", "VE,CO",
                "chokepoint.risk.high-risk-ports", "PABLB",
                "chokepoint.risk.quantity-thresholds.PRECURSOR", "1 KG",
                "chokepoint.risk.quantity-thresholds.\"1-BOC-4-AP\"", "500 g"));
        assertEquals(2, config.highRiskCountries().orElseThrow().size());
        assertEquals("500 G", Threshold.parse("1-BOC-4-AP", config.quantityThresholds().get("1-BOC-4-AP"))
                .orElseThrow().toString());
        RiskRules.build(config);
    }

    @Test
    void aMisspeltCountryPortUnitOrWeightStopsTheService() {
        RiskConfig config = config(Map.of(
                "chokepoint.risk.high-risk-countries", "Venezuela",
                "chokepoint.risk.high-risk-ports", "BALBOA",
                "chokepoint.risk.quantity-thresholds.PRECURSOR", "1 kilo",
                "chokepoint.risk.weight.route-doubles-back", "3"));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> RiskRules.build(config));
        assertThat(failure.getMessage(), containsString("high-risk-countries: Venezuela"));
        assertThat(failure.getMessage(), containsString("high-risk-ports: BALBOA"));
        assertThat(failure.getMessage(), containsString("quantity-thresholds.\"PRECURSOR\": \"1 kilo\""));
        assertThat(failure.getMessage(), containsString("route-doubles-back: 3.0 is not between 0 and 1"));
    }
}
