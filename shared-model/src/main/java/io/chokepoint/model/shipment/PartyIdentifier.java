package io.chokepoint.model.shipment;

/** An identifier of a party under a named scheme, such as a Chinese USCI or a Mexican RFC. */
public record PartyIdentifier(String scheme, String value) {
}
