package io.chokepoint.monitor.shipment;

/** How a partner event reached the service. */
public enum EventChannel {
    REST,
    REST_BATCH,
    KAFKA
}
