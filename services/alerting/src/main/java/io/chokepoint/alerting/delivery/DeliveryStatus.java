package io.chokepoint.alerting.delivery;

/** Where a webhook delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its turn or its next attempt. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Failed too often: waits for a resend, and holds back the subscription's later deliveries. */
    PARKED,
    /** Its subscription was deleted before it was delivered. */
    CANCELLED
}
