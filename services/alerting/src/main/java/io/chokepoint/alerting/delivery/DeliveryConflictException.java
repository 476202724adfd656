package io.chokepoint.alerting.delivery;

/** A resend of a delivery that is not parked; answered 409 with the message. */
public class DeliveryConflictException extends RuntimeException {

    public DeliveryConflictException(String message) {
        super(message, null, false, false);
    }
}
