package io.chokepoint.alerting.audit;

import io.chokepoint.alerting.alerts.CriteriaReader;
import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The criteria of an audit search, checked together; absent criteria match everything. */
public record AuditFilter(String alertId, String actor, TransitionOutcome outcome, Instant since, int page,
                          int size) {

    /** The raw query parameters. */
    public record Params(String alertId, String actor, String outcome, String since, Integer page, Integer size) {
    }

    public static AuditFilter parse(Params params, AuditConfig config) {
        List<FieldError> errors = new ArrayList<>();
        CriteriaReader reader = new CriteriaReader(errors);
        TransitionOutcome outcome = reader.code("outcome", params.outcome(), TransitionOutcome.class);
        Instant since = reader.instant("since", params.since());
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
        return new AuditFilter(blankToNull(params.alertId()), blankToNull(params.actor()), outcome, since, page,
                size);
    }

    /** The HQL condition and its named parameters; "1 = 1" when nothing is filtered. */
    Map.Entry<String, Map<String, Object>> toQuery() {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        add(conditions, parameters, "alertId", "alertId = :alertId", alertId);
        add(conditions, parameters, "actor", "actor = :actor", actor);
        add(conditions, parameters, "outcome", "outcome = :outcome", outcome);
        add(conditions, parameters, "since", "requestedAt >= :since", since);
        return Map.entry(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions), parameters);
    }

    private static void add(List<String> conditions, Map<String, Object> parameters, String name, String condition,
                            Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
