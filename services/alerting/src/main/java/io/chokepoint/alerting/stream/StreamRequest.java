package io.chokepoint.alerting.stream;

import io.chokepoint.alerting.alerts.AlertCriteria;
import io.chokepoint.alerting.alerts.CriteriaReader;
import io.chokepoint.alerting.rules.AlertType;
import io.chokepoint.alerting.rules.Severity;
import io.chokepoint.platform.web.FieldError;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The query of a stream connection: each criterion may be repeated ({@code type=A&type=B}) or comma-separated
 * ({@code type=A,B}); see {@link AlertCriteria} for what each one means.
 */
public record StreamRequest(List<String> types, List<String> severities, String minSeverity, List<String> countries,
                            List<String> programs, List<String> substances, List<String> reportingAgencies) {

    /** The criteria, problems added to {@code errors} under the parameters' names. */
    AlertCriteria criteria(List<FieldError> errors) {
        CriteriaReader reader = new CriteriaReader(errors);
        Set<AlertType> checkedTypes = reader.codes(CriteriaReader.named("type"), split(types), AlertType.class);
        Set<Severity> checkedSeverities = reader.codes(CriteriaReader.named("severity"), split(severities),
                Severity.class);
        Severity min = reader.code("minSeverity", minSeverity, Severity.class);
        return new AlertCriteria(checkedTypes, checkedSeverities, min,
                reader.countries(CriteriaReader.named("country"), split(countries)),
                reader.labels(CriteriaReader.named("program"), split(programs)),
                reader.labels(CriteriaReader.named("substance"), split(substances)),
                reader.labels(CriteriaReader.named("reportingAgency"), split(reportingAgencies)));
    }

    /** Values of a repeated, comma-separated parameter; empty pieces are dropped. */
    static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(value -> !value.isEmpty()).toList();
    }
}
