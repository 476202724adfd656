package io.chokepoint.monitor.ingest;

import io.chokepoint.monitor.shipment.EventRefusal;
import io.chokepoint.platform.web.FieldError;

import java.util.List;

/**
 * What became of one submitted event.
 *
 * @param eventId    as submitted, when it could be read
 * @param shipmentId the shipment it went to (null when rejected or refused)
 * @param errors     why it was rejected or refused
 * @param refusal    why it was refused; null unless {@link IngestStatus#REFUSED}
 */
public record IngestOutcome(String eventId, String shipmentId, IngestStatus status, List<FieldError> errors,
                            EventRefusal refusal) {

    static IngestOutcome accepted(String eventId, String shipmentId) {
        return new IngestOutcome(eventId, shipmentId, IngestStatus.ACCEPTED, List.of(), null);
    }

    static IngestOutcome duplicate(String eventId, String shipmentId) {
        return new IngestOutcome(eventId, shipmentId, IngestStatus.DUPLICATE, List.of(), null);
    }

    static IngestOutcome rejected(String eventId, List<FieldError> errors) {
        return new IngestOutcome(eventId, null, IngestStatus.REJECTED, List.copyOf(errors), null);
    }

    static IngestOutcome refused(EventRefusal refusal) {
        return new IngestOutcome(refusal.eventId(), null, IngestStatus.REFUSED,
                List.of(refusal.asError()), refusal);
    }
}
