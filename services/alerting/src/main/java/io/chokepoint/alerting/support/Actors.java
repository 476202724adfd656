package io.chokepoint.alerting.support;

import io.chokepoint.platform.web.InvalidRequestException;

/**
 * Who makes a change: the {@code X-Actor} header until authentication exists, then the authenticated user.
 * Kept in the history of whatever the change touched.
 */
public final class Actors {

    public static final String HEADER = "X-Actor";
    public static final String ANONYMOUS = "anonymous";
    private static final int MAX_LENGTH = 128;

    private Actors() {
    }

    /** The actor named by the header, {@value #ANONYMOUS} when it is absent or blank; 400 when too long. */
    public static String of(String header) {
        if (header == null || header.isBlank()) {
            return ANONYMOUS;
        }
        String actor = header.trim();
        if (actor.length() > MAX_LENGTH) {
            throw InvalidRequestException.of(HEADER, "must be at most " + MAX_LENGTH + " characters");
        }
        return actor;
    }
}
