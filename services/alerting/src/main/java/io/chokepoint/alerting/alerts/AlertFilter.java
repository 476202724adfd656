package io.chokepoint.alerting.alerts;

import io.chokepoint.alerting.rules.AlertType;
import io.chokepoint.alerting.rules.Severity;
import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The criteria of an alert search, checked: unknown codes, unreadable dates and bad paging are all reported
 * together. Absent criteria match everything.
 */
public record AlertFilter(String shipmentId, String declarationId, String reportingAgency, AlertType type,
                          AlertStatus status, Severity severity, Instant since, int page, int size) {

    /** The raw query parameters. */
    public record Params(String shipmentId, String declarationId, String reportingAgency, String type,
                         String status, String severity, String since, Integer page, Integer size) {
    }

    public static AlertFilter parse(Params params, AlertsApiConfig config) {
        List<FieldError> errors = new ArrayList<>();
        AlertType type = code(errors, "type", params.type(), AlertType.class);
        AlertStatus status = code(errors, "status", params.status(), AlertStatus.class);
        Severity severity = code(errors, "severity", params.severity(), Severity.class);
        Instant since = new CriteriaReader(errors).instant("since", params.since());
        int page = params.page() == null ? 0 : params.page();
        int size = params.size() == null ? config.defaultPageSize() : params.size();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > config.maxPageSize()) {
            errors.add(new FieldError("size", "must be between 1 and " + config.maxPageSize()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new AlertFilter(blankToNull(params.shipmentId()), blankToNull(params.declarationId()),
                blankToNull(params.reportingAgency()), type, status, severity, since, page, size);
    }

    /** The HQL condition and its named parameters; "1 = 1" when nothing is filtered. */
    public Map.Entry<String, Map<String, Object>> toQuery() {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        addCondition(conditions, parameters, "shipmentId", "shipmentId = :shipmentId", shipmentId);
        addCondition(conditions, parameters, "declarationId", "declarationId = :declarationId", declarationId);
        addCondition(conditions, parameters, "reportingAgency", "upper(reportingAgency) = :reportingAgency",
                reportingAgency == null ? null : reportingAgency.toUpperCase(Locale.ROOT));
        addCondition(conditions, parameters, "type", "type = :type", type);
        addCondition(conditions, parameters, "status", "status = :status", status);
        addCondition(conditions, parameters, "severity", "severity = :severity", severity);
        addCondition(conditions, parameters, "since", "raisedAt >= :since", since);
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return Map.entry(where, parameters);
    }

    private static void addCondition(List<String> conditions, Map<String, Object> parameters, String name,
                                     String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }

    private static <E extends Enum<E>> E code(List<FieldError> errors, String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
