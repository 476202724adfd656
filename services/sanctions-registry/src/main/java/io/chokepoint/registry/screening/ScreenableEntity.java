package io.chokepoint.registry.screening;

import io.chokepoint.registry.entities.EntityType;

import java.util.List;
import java.util.Set;

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

    /** The same entity, delisted. */
    public ScreenableEntity delisted() {
        return new ScreenableEntity(entityId, source, sourceId, type, name, aliases, countries, identifiers, programs,
                revision, false);
    }
}
