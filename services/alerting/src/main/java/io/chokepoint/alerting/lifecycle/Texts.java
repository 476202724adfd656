package io.chokepoint.alerting.lifecycle;

import io.chokepoint.platform.web.FieldError;

import java.util.List;

/** Limits on what officers write, and how blank values are read (as absent). */
final class Texts {

    static final int MAX_NAME = 128;
    static final int MAX_REASON = 2000;
    static final int MAX_NOTE = 4000;

    private Texts() {
    }

    /**
     * The trimmed text, null when absent or blank; too long is reported, and so is the NUL character, which JSON
     * can carry but PostgreSQL cannot store.
     */
    static String optional(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        if (text.indexOf('\0') >= 0) {
            errors.add(new FieldError(field, "must not contain the NUL character (\\u0000)"));
            return null;
        }
        return text;
    }
}
