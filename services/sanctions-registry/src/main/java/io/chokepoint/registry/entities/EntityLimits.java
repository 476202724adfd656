package io.chokepoint.registry.entities;

import io.smallrye.config.ConfigMapping;

/**
 * Bounds of a manual entry ({@code POST/PUT /api/v1/entities}); a longer value answers 400 naming its field. The
 * request body as a whole is bounded by {@code quarkus.http.limits.max-body-size}.
 */
@ConfigMapping(prefix = "chokepoint.entities")
public interface EntityLimits {

    /** Most characters of the name and of each alias. */
    int maxNameLength();

    /** Most characters of an identifier's scheme and of its value. */
    int maxIdentifierLength();

    /** Most characters of a program. */
    int maxProgramLength();

    /** Most characters of each part of an address (street, city, region, postal code). */
    int maxAddressLength();

    /** Most characters of the remarks. */
    int maxRemarksLength();

    /** Most elements of each list: aliases, countries, programs, identifiers, addresses. */
    int maxListSize();
}
