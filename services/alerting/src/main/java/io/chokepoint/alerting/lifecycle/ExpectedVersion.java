package io.chokepoint.alerting.lifecycle;

import io.chokepoint.platform.web.InvalidRequestException;

import java.util.OptionalLong;

/**
 * The version a change was based on, from {@code If-Match} (the ETag of {@code GET /api/v1/alerts/{id}}):
 * {@code "3"}, {@code W/"3"} or {@code 3}. Absent or {@code *}: no expectation, the change applies to whatever
 * version is current (the state machine still refuses a move that no longer makes sense).
 */
public final class ExpectedVersion {

    public static final String HEADER = "If-Match";

    private ExpectedVersion() {
    }

    public static OptionalLong parse(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of(HEADER, "must be the alert's ETag, such as \"3\"");
        }
    }
}
