package io.chokepoint.monitor.ingest;

import io.chokepoint.monitor.shipment.EventRefusal;
import io.chokepoint.platform.messaging.InvalidEventException;

import java.util.List;
import java.util.Map;

/**
 * Why an inbound record that is valid was dead-lettered: it would touch another agency's shipment or eventId. Like
 * invalid input, it is never retried: sent again it would be refused again.
 */
public class RefusedShipmentEventException extends InvalidEventException {

    private final transient EventRefusal refusal;

    public RefusedShipmentEventException(EventRefusal refusal) {
        super("refused shipment event " + refusal.eventId() + ": " + refusal.explained(), null, false);
        this.refusal = refusal;
    }

    @Override
    public Map<String, byte[]> deadLetterHeaders() {
        return ErrorsHeader.of(List.of(refusal.asError()));
    }
}
