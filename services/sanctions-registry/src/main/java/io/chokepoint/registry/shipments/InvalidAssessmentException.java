package io.chokepoint.registry.shipments;

/** A {@code shipments.assessed} record that cannot be screened; the message becomes the DLQ reason. */
public class InvalidAssessmentException extends RuntimeException {

    public InvalidAssessmentException(String message) {
        super(message);
    }

    public InvalidAssessmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
