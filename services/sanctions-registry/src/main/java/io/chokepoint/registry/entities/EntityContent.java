package io.chokepoint.registry.entities;

import java.time.LocalDate;
import java.util.List;

/**
 * What a list says about an entity, without bookkeeping. Manual entries and imports both produce it;
 * equal content means no change, so re-importing the same list yields no new version.
 */
public record EntityContent(
        EntityType type,
        String name,
        List<Alias> aliases,
        List<String> countries,
        List<Address> addresses,
        List<Identifier> identifiers,
        List<String> programs,
        String remarks,
        LocalDate listedOn) {

    public EntityContent {
        aliases = List.copyOf(aliases);
        countries = List.copyOf(countries);
        addresses = List.copyOf(addresses);
        identifiers = List.copyOf(identifiers);
        programs = List.copyOf(programs);
    }
}
