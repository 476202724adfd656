package io.chokepoint.registry.suppressions;

import io.chokepoint.platform.messaging.InvalidEventException;

/** An {@code alerts.suppressions} record that cannot be applied; dead-lettered at once with this message. */
public class InvalidSuppressionException extends InvalidEventException {

    public InvalidSuppressionException(String message) {
        super(message);
    }

    public InvalidSuppressionException(String message, Throwable cause) {
        super(message, cause);
    }
}
