package io.chokepoint.model.shipment;

/** What happened to a shipment, as reported by a partner agency. */
public enum ShipmentEventType {
    EXPORT_DECLARED,
    AMENDED,
    DEPARTED,
    TRANSSHIPPED,
    ARRIVED,
    CANCELLED
}
