package io.chokepoint.registry.screening;

import io.chokepoint.registry.entities.EntityType;

import java.util.List;

/**
 * One name to screen.
 *
 * @param type        null for any type
 * @param country     ISO 3166-1 alpha-2, or null
 * @param identifiers identifier values of the party, or empty
 * @param threshold   matches below this score are not reported
 * @param limit       at most this many matches, best first
 */
public record ScreeningQuery(String name, EntityType type, String country, List<String> identifiers,
                             double threshold, int limit) {
}
