package io.chokepoint.alerting.intake;

import java.util.List;

/** A consumed record that cannot be used; its message, naming every problem, goes to the DLQ headers. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidEventException(String eventType, List<String> problems) {
        super("Invalid " + eventType + ": " + String.join("; ", problems));
    }
}
