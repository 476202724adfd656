package io.chokepoint.monitor.shipment;

/**
 * Thrown inside the recording transaction, so that it is rolled back and nothing of the event stays; the refusal is
 * an answer to the partner, not a fault, hence no stack trace.
 */
public class EventRefusedException extends RuntimeException {

    private final transient EventRefusal refusal;

    public EventRefusedException(EventRefusal refusal) {
        super(refusal.message(), null, false, false);
        this.refusal = refusal;
    }

    public EventRefusal refusal() {
        return refusal;
    }
}
