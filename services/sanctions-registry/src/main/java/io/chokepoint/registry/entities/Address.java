package io.chokepoint.registry.entities;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A listed address; every part may be missing, the country is ISO 3166-1 alpha-2. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(String street, String city, String region, String postalCode, String country) {
}
