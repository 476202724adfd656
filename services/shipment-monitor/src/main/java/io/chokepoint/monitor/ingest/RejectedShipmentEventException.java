package io.chokepoint.monitor.ingest;

import io.chokepoint.platform.messaging.InvalidEventException;
import io.chokepoint.platform.web.FieldError;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why an inbound record was dead-lettered; its message becomes the record's {@code dead-letter-reason}, and every
 * problem goes in its {@value ErrorsHeader#NAME} header.
 */
public class RejectedShipmentEventException extends InvalidEventException {

    private final transient List<FieldError> errors;

    public RejectedShipmentEventException(String eventId, List<FieldError> errors) {
        super("invalid shipment event" + (eventId == null ? "" : " " + eventId) + ": " + errors.stream()
                .map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; ")), null, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Map<String, byte[]> deadLetterHeaders() {
        return ErrorsHeader.of(errors);
    }
}
