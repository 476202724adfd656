package io.chokepoint.platform.messaging;

import java.util.List;
import java.util.Map;

/**
 * A consumed record that can never be handled: unreadable, or not a valid event. {@link ConsumerRetry} does not
 * retry it; the channel's dead-letter-queue strategy moves it to {@code <topic>.dlq} at once, with this message as
 * the {@code dead-letter-reason}. Any other exception is taken as transient.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Names every problem of the event: {@code Invalid ShipmentAssessed: shipmentId is missing; ...}. */
    public InvalidEventException(String eventType, List<String> problems) {
        super("Invalid " + eventType + ": " + String.join("; ", problems));
    }

    /** For a reason that needs no stack trace (bad input is not a fault of the service). */
    protected InvalidEventException(String message, Throwable cause, boolean writableStackTrace) {
        super(message, cause, false, writableStackTrace);
    }

    /**
     * Headers the dead-lettered record carries besides the connector's {@code dead-letter-*} ones (every problem
     * of an event, as JSON, say); none unless a subclass says more.
     */
    public Map<String, byte[]> deadLetterHeaders() {
        return Map.of();
    }
}
