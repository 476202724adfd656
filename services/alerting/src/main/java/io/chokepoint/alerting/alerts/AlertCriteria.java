package io.chokepoint.alerting.alerts;

import io.chokepoint.alerting.rules.AlertType;
import io.chokepoint.alerting.rules.Severity;
import io.chokepoint.model.alert.AlertRaised;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which alerts someone wants: every criterion given must hold, an empty one holds for every alert. Codes are
 * compared without regard to case.
 *
 * @param types             alert types
 * @param severities        exact severities
 * @param minSeverity       lowest severity, or null
 * @param countries         ISO 3166-1 alpha-2 codes; the shipment's origin or destination must be one
 * @param programs          sanctions programs; the matched entity must be under one
 * @param substances        catalog item codes (NPP, TABLET_PRESS) or CAS numbers; one triggering line must be one
 * @param reportingAgencies the agency that reported the shipment must be one
 */
public record AlertCriteria(Set<AlertType> types, Set<Severity> severities, Severity minSeverity,
                            Set<String> countries, Set<String> programs, Set<String> substances,
                            Set<String> reportingAgencies) {

    public static final AlertCriteria ANY = new AlertCriteria(Set.of(), Set.of(), null, Set.of(), Set.of(),
            Set.of(), Set.of());

    public AlertCriteria {
        types = Set.copyOf(types);
        severities = Set.copyOf(severities);
        countries = upper(countries);
        programs = upper(programs);
        substances = upper(substances);
        reportingAgencies = upper(reportingAgencies);
    }

    public boolean matches(SequencedAlert sequenced) {
        AlertRaised alert = sequenced.alert();
        Severity severity = Severity.valueOf(alert.severity());
        return (types.isEmpty() || types.contains(AlertType.valueOf(alert.type())))
                && (severities.isEmpty() || severities.contains(severity))
                && (minSeverity == null || severity.ordinal() >= minSeverity.ordinal())
                && anyIn(countries, Stream.of(sequenced.originCountry(), sequenced.destinationCountry()))
                && anyIn(programs, alert.entity() == null ? Stream.empty() : nonNull(alert.entity().programs()))
                && anyIn(substances, substancesOf(alert))
                && anyIn(reportingAgencies, Stream.of(alert.reportingAgency()));
    }

    private static Stream<String> substancesOf(AlertRaised alert) {
        return nonNull(alert.goods()).filter(Objects::nonNull).flatMap(line -> line.classification() == null
                ? Stream.of(line.casNumber())
                : Stream.of(line.classification().itemCode(), line.casNumber()));
    }

    private static boolean anyIn(Set<String> wanted, Stream<String> values) {
        return wanted.isEmpty() || values.filter(Objects::nonNull)
                .anyMatch(value -> wanted.contains(value.toUpperCase(Locale.ROOT)));
    }

    private static <T> Stream<T> nonNull(Collection<T> values) {
        return values == null ? Stream.empty() : values.stream();
    }

    private static Set<String> upper(Collection<String> values) {
        return Set.copyOf(values.stream().map(value -> value.trim().toUpperCase(Locale.ROOT)).toList());
    }
}
