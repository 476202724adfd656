package io.chokepoint.alerting.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;

/** How findings are graded. */
@ConfigMapping(prefix = "chokepoint.rules")
public interface RulesConfig {

    /**
     * Severity an alert starts from, per alert type name
     * ({@code chokepoint.rules.base-severity.PRECURSOR_TO_SANCTIONED_PARTY=HIGH}); every type must have one.
     */
    Map<String, Severity> baseSeverity();

    /**
     * Sanctions programs aimed at drug trafficking: a match on an entity under one of them, at or above
     * {@link #narcoticsMinScore()}, raises the severity one level.
     */
    @WithDefault("SDNTK,ILLICIT-DRUGS-EO14059,SDNT")
    List<String> narcoticsPrograms();

    /** Lowest match score (0 to 1) at which a narcotics program raises the severity. */
    @WithDefault("0.9")
    double narcoticsMinScore();
}
