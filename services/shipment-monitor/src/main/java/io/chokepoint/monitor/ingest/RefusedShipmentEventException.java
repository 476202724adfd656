package io.chokepoint.monitor.ingest;

import io.chokepoint.monitor.shipment.EventRefusal;
import io.chokepoint.platform.messaging.InvalidEventException;

/**
 * Why an inbound record that is valid was dead-lettered: it would touch another agency's shipment or eventId. Like
 * invalid input, it is never retried: sent again it would be refused again.
 */
public class RefusedShipmentEventException extends InvalidEventException {

    public RefusedShipmentEventException(EventRefusal refusal) {
        super("refused shipment event " + refusal.eventId() + ": " + refusal.explained(), null, false);
    }
}
