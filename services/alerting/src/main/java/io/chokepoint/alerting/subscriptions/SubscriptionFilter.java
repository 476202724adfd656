package io.chokepoint.alerting.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chokepoint.alerting.alerts.AlertCriteria;
import io.chokepoint.alerting.alerts.CriteriaReader;
import io.chokepoint.alerting.rules.AlertType;
import io.chokepoint.alerting.rules.Severity;
import io.chokepoint.platform.web.FieldError;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which alerts a subscription wants, as sent, stored and answered: every list given must contain a value of the
 * alert (see {@link AlertCriteria}); absent or empty lists match everything.
 *
 * @param countries         the shipment's origin or destination must be one
 * @param substances        catalog item codes (NPP, ANPP, TABLET_PRESS) or CAS numbers of the triggering goods
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SubscriptionFilter(List<String> types, String minSeverity, List<String> countries,
                                 List<String> programs, List<String> substances, List<String> reportingAgencies) {

    public static final SubscriptionFilter ANY = new SubscriptionFilter(List.of(), null, List.of(), List.of(),
            List.of(), List.of());

    /** The filter checked (problems added to {@code errors}, under {@code filter.}), its codes in canonical form. */
    public SubscriptionFilter checked(List<FieldError> errors) {
        CriteriaReader reader = new CriteriaReader(errors);
        Set<AlertType> checkedTypes = reader.codes(CriteriaReader.indexed("filter.types"), types, AlertType.class);
        Severity min = reader.code("filter.minSeverity", minSeverity, Severity.class);
        return new SubscriptionFilter(checkedTypes.stream().map(Enum::name).toList(),
                min == null ? null : min.name(),
                List.copyOf(reader.countries(CriteriaReader.indexed("filter.countries"), countries)),
                List.copyOf(reader.labels(CriteriaReader.indexed("filter.programs"), programs)),
                List.copyOf(reader.labels(CriteriaReader.indexed("filter.substances"), substances)),
                List.copyOf(reader.labels(CriteriaReader.indexed("filter.reportingAgencies"), reportingAgencies)));
    }

    /** The criteria of a filter already checked. */
    public AlertCriteria toCriteria() {
        return new AlertCriteria(
                nonNull(types).stream().map(AlertType::valueOf).collect(Collectors.toSet()),
                Set.of(), minSeverity == null ? null : Severity.valueOf(minSeverity),
                Set.copyOf(nonNull(countries)), Set.copyOf(nonNull(programs)), Set.copyOf(nonNull(substances)),
                Set.copyOf(nonNull(reportingAgencies)));
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }
}
