package io.chokepoint.registry.screening;

import io.chokepoint.registry.entities.Address;
import io.chokepoint.registry.entities.Alias;
import io.chokepoint.registry.entities.EntityType;
import io.chokepoint.registry.entities.Identifier;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the screening engine knows of one entity.
 *
 * @param countries   upper-case ISO codes of its nationality, registration and addresses
 * @param identifiers identifier values, already passed through {@link ScreeningEngine#identifierKey}
 * @param revision    grows with every change of the entity; an older state never replaces a newer one
 * @param listed      false for a delisted entity, which the engine forgets
 */
public record ScreenableEntity(
        String entityId,
        String source,
        String sourceId,
        EntityType type,
        String name,
        List<ListedName> aliases,
        Set<String> countries,
        Set<String> identifiers,
        List<String> programs,
        long revision,
        boolean listed) {

    /** An alias; weak aliases (OFAC "weak AKA", UN "low quality") are matched with less confidence. */
    public record ListedName(String name, boolean weak) {
    }

    /**
     * What screening needs of an entity as the registry stores it: countries of nationality, registration and
     * addresses together, identifiers as {@link ScreeningEngine#identifierKey keys}, aliases with their strength.
     */
    public static ScreenableEntity of(String entityId, String source, String sourceId, EntityType type, String name,
                                      List<Alias> aliases, List<String> countries, List<Address> addresses,
                                      List<Identifier> identifiers, List<String> programs, long revision,
                                      boolean listed) {
        Set<String> allCountries = new LinkedHashSet<>();
        countries.forEach(c -> allCountries.add(c.toUpperCase(Locale.ROOT)));
        addresses.stream().map(Address::country).filter(c -> c != null && !c.isBlank())
                .forEach(c -> allCountries.add(c.toUpperCase(Locale.ROOT)));
        Set<String> keys = identifiers.stream().map(i -> ScreeningEngine.identifierKey(i.value()))
                .filter(k -> !k.isEmpty()).collect(Collectors.toSet());
        List<ListedName> names = aliases.stream().map(a -> new ListedName(a.name(), a.weak())).toList();
        return new ScreenableEntity(entityId, source, sourceId, type, name, names, allCountries, keys, programs,
                revision, listed);
    }

    /** The same entity, delisted. */
    public ScreenableEntity delisted() {
        return new ScreenableEntity(entityId, source, sourceId, type, name, aliases, countries, identifiers, programs,
                revision, false);
    }
}
