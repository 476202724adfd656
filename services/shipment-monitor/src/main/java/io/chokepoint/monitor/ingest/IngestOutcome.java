package io.chokepoint.monitor.ingest;

import io.chokepoint.platform.web.FieldError;

import java.util.List;

/**
 * What became of one submitted event.
 *
 * @param eventId    as submitted, when it could be read
 * @param shipmentId the shipment it went to (null when rejected)
 */
public record IngestOutcome(String eventId, String shipmentId, IngestStatus status, List<FieldError> errors) {

    static IngestOutcome accepted(String eventId, String shipmentId) {
        return new IngestOutcome(eventId, shipmentId, IngestStatus.ACCEPTED, List.of());
    }

    static IngestOutcome duplicate(String eventId, String shipmentId) {
        return new IngestOutcome(eventId, shipmentId, IngestStatus.DUPLICATE, List.of());
    }

    static IngestOutcome rejected(String eventId, List<FieldError> errors) {
        return new IngestOutcome(eventId, null, IngestStatus.REJECTED, List.copyOf(errors));
    }
}
