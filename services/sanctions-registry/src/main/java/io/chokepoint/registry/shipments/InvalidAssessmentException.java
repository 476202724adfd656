package io.chokepoint.registry.shipments;

import io.chokepoint.platform.messaging.InvalidEventException;

/**
 * A {@code shipments.assessed} record that cannot be screened; not retried, dead-lettered at once with this message as
 * the reason.
 */
public class InvalidAssessmentException extends InvalidEventException {

    public InvalidAssessmentException(String message) {
        super(message);
    }

    public InvalidAssessmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
