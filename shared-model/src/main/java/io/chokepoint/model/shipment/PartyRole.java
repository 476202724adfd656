package io.chokepoint.model.shipment;

/** The role a party plays in a shipment; every role is screened. */
public enum PartyRole {
    EXPORTER,
    CONSIGNEE,
    NOTIFY_PARTY,
    INTERMEDIATE_CONSIGNEE,
    FORWARDER
}
