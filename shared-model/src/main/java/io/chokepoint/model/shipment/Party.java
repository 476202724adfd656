package io.chokepoint.model.shipment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A party to a shipment as declared: name, ISO 3166-1 alpha-2 country, address, identifiers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Party(String name, String country, String address, List<PartyIdentifier> identifiers) {

    public Party(String name, String country) {
        this(name, country, null, null);
    }
}
