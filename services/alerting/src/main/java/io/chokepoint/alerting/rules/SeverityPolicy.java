package io.chokepoint.alerting.rules;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Grades a finding: the base severity of its type, one level higher for a strong narcotics-program match. */
@Singleton
public class SeverityPolicy {

    private final Map<AlertType, Severity> baseSeverity;
    private final Set<String> narcoticsPrograms;
    private final double narcoticsMinScore;

    @Inject
    public SeverityPolicy(RulesConfig config) {
        this(baseSeverities(config.baseSeverity()), config.narcoticsPrograms(), config.narcoticsMinScore());
    }

    public SeverityPolicy(Map<AlertType, Severity> baseSeverity, Collection<String> narcoticsPrograms,
                          double narcoticsMinScore) {
        for (AlertType type : AlertType.values()) {
            if (!baseSeverity.containsKey(type)) {
                throw new IllegalStateException("No base severity configured for " + type
                        + " (chokepoint.rules.base-severity." + type + ")");
            }
        }
        this.baseSeverity = new EnumMap<>(baseSeverity);
        this.narcoticsPrograms = narcoticsPrograms.stream().map(SeverityPolicy::normalise).collect(Collectors.toSet());
        this.narcoticsMinScore = narcoticsMinScore;
    }

    public Severity severityOf(AlertType type, List<String> programs, double score) {
        Severity base = baseSeverity.get(type);
        return isNarcotics(programs) && score >= narcoticsMinScore ? base.raised() : base;
    }

    /** Whether any program is a narcotics program; tolerates OFAC's combined form {@code SDNTK] [FTO}. */
    public boolean isNarcotics(List<String> programs) {
        if (programs == null) {
            return false;
        }
        return programs.stream()
                .flatMap(program -> Arrays.stream(program.split("[\\[\\];,]")))
                .map(SeverityPolicy::normalise)
                .anyMatch(narcoticsPrograms::contains);
    }

    private static String normalise(String program) {
        return program.trim().toUpperCase(Locale.ROOT);
    }

    private static Map<AlertType, Severity> baseSeverities(Map<String, Severity> configured) {
        Map<AlertType, Severity> severities = new EnumMap<>(AlertType.class);
        configured.forEach((type, severity) -> {
            try {
                severities.put(AlertType.valueOf(type.trim()), severity);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Unknown alert type in chokepoint.rules.base-severity: " + type, e);
            }
        });
        return severities;
    }
}
