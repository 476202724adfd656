package io.chokepoint.alerting.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A request to move an alert as it came, for the audit: nothing in it is checked (a refused request is recorded as
 * sent), every value is only cut to what its column keeps, and the NUL character, which PostgreSQL cannot store,
 * is replaced.
 *
 * @param actor         the caller's token principal, as the alert's history names it (cut to its column)
 * @param subject       the same principal, in the column kept for the authenticated subject (longer)
 * @param remoteAddress see {@link RemoteAddress}
 */
public record TransitionAttempt(Instant at, String actor, String subject, String alertId, String requestedStatus,
                                String reasonCode, String ifMatch, String remoteAddress) {

    static final int MAX_ACTOR = 128;
    static final int MAX_SUBJECT = 255;
    static final int MAX_CODE = 64;
    static final int MAX_ADDRESS = 128;
    static final int MAX_MESSAGE = 2000;

    /**
     * What is known before the body is read.
     *
     * @param principal who sent it: the name of the verified token ({@code Caller.name()})
     */
    public static TransitionAttempt received(String alertId, String principal, String ifMatch, String remoteAddress) {
        return new TransitionAttempt(Instant.now().truncatedTo(ChronoUnit.MICROS), clip(principal, MAX_ACTOR),
                clip(principal, MAX_SUBJECT), clip(alertId == null ? "" : alertId, MAX_CODE), null, null,
                clip(ifMatch, MAX_CODE), clip(remoteAddress, MAX_ADDRESS));
    }

    /** With what the body asked for, as sent. */
    public TransitionAttempt asking(String status, String reason) {
        return new TransitionAttempt(at, actor, subject, alertId, clip(trimmed(status), MAX_CODE),
                clip(trimmed(reason), MAX_CODE), ifMatch, remoteAddress);
    }

    /** At most {@code max} characters, the last one an ellipsis when something was cut. */
    static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String storable = value.replace('\0', '\uFFFD');
        return storable.length() <= max ? storable : storable.substring(0, max - 1) + "\u2026";
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
