package io.chokepoint.registry.web;

import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Collects the problems of one request, so that all of them are answered at once. */
public final class Problems {

    private static final Set<String> COUNTRIES = countries();

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Adds a problem unless the value is present and at most {@code maxLength} long. */
    public boolean requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return false;
        }
        return checkLength(field, value, maxLength);
    }

    /** Adds a problem if the value is longer than {@code maxLength}, or holds a NUL (the database stores none). */
    public boolean checkLength(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            add(field, "is longer than " + maxLength + " characters");
            return false;
        }
        if (value != null && value.indexOf('\0') >= 0) {
            add(field, "must not contain the NUL character (\\u0000)");
            return false;
        }
        return true;
    }

    /** Checks an optional ISO 3166-1 alpha-2 code. */
    public boolean checkCountry(String field, String value) {
        if (value != null && !isCountry(value)) {
            add(field, "must be an ISO 3166-1 alpha-2 country code, got '" + value + "'");
            return false;
        }
        return true;
    }

    private static Set<String> countries() {
        Set<String> codes = new HashSet<>(List.of(Locale.getISOCountries()));
        codes.add("XK"); // Kosovo: a user-assigned code, but sanctions lists and customs use it
        return Set.copyOf(codes);
    }

    public static boolean isCountry(String value) {
        return value != null && COUNTRIES.contains(value.trim().toUpperCase(Locale.ROOT));
    }

    public <E extends Enum<E>> E parseEnum(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            add(field, "must be one of " + List.of(type.getEnumConstants()) + ", got '" + value + "'");
            return null;
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws the collected problems, if any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
