package io.chokepoint.registry.entities;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An identifier under a named scheme: passport, IMO number, USCI, tax id.
 *
 * @param country the issuing country (ISO 3166-1 alpha-2) when the list names one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Identifier(String scheme, String value, String country) {

    public Identifier(String scheme, String value) {
        this(scheme, value, null);
    }
}
