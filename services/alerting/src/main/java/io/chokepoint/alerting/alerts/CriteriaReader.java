package io.chokepoint.alerting.alerts;

import io.chokepoint.platform.web.FieldError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Reads the parts of {@link AlertCriteria} from what a request gave, collecting every problem instead of stopping
 * at the first. Each part names its field: {@code filter.types[1]} in a JSON body, {@code type} in a query.
 */
public final class CriteriaReader {

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final int MAX_CODE_LENGTH = 64;

    private final List<FieldError> errors;

    public CriteriaReader(List<FieldError> errors) {
        this.errors = errors;
    }

    /** Field names of the values of a JSON array: {@code field[i]}. */
    public static IntFunction<String> indexed(String field) {
        return i -> field + "[" + i + "]";
    }

    /** Field names of the values of a query parameter: the parameter's name. */
    public static IntFunction<String> named(String parameter) {
        return i -> parameter;
    }

    public <E extends Enum<E>> Set<E> codes(IntFunction<String> field, List<String> values, Class<E> type) {
        Set<E> codes = new LinkedHashSet<>();
        for (int i = 0; i < size(values); i++) {
            E code = code(field.apply(i), values.get(i), type);
            if (code != null) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** One code, or null when absent or unknown (then reported). */
    public <E extends Enum<E>> E code(String field, String value, Class<E> type) {
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

    /** An ISO-8601 instant, date-time with offset, or date (taken as its start, UTC); null when absent. */
    public Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-28T10:15:00Z"));
            return null;
        }
    }

    public Set<String> countries(IntFunction<String> field, List<String> values) {
        return texts(field, values, value -> COUNTRY.matcher(value).matches() ? null
                : "must be an ISO 3166-1 alpha-2 country code such as MX");
    }

    /** Program codes, substance codes, agency codes: free text, not blank, not too long. */
    public Set<String> labels(IntFunction<String> field, List<String> values) {
        return texts(field, values, value -> value.length() > MAX_CODE_LENGTH
                ? "must be at most " + MAX_CODE_LENGTH + " characters" : null);
    }

    private Set<String> texts(IntFunction<String> field, List<String> values,
                              Function<String, String> problem) {
        Set<String> texts = new LinkedHashSet<>();
        for (int i = 0; i < size(values); i++) {
            String value = values.get(i) == null ? "" : values.get(i).trim();
            String wrong = value.isEmpty() ? "must not be blank" : problem.apply(value);
            if (wrong == null) {
                texts.add(value.toUpperCase(Locale.ROOT));
            } else {
                errors.add(new FieldError(field.apply(i), wrong));
            }
        }
        return texts;
    }

    private static int size(List<?> values) {
        return values == null ? 0 : values.size();
    }
}
