package io.chokepoint.alerting.alerts;

/** Where an alert stands in its review; every alert starts NEW. */
public enum AlertStatus {
    NEW,
    ACKNOWLEDGED,
    ESCALATED,
    CONFIRMED,
    DISMISSED
}
