package io.chokepoint.registry.screening;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A listed entity with its names normalised once. Identity equality on purpose: a re-indexed entity is a new
 * object, and stale references must not match it.
 */
final class IndexedEntity {

    final ScreenableEntity source;
    final List<IndexedName> names = new ArrayList<>();

    IndexedEntity(ScreenableEntity source) {
        this.source = source;
        NormalizedName primary = NameNormalizer.normalize(source.name(), source.type());
        names.add(new IndexedName(this, source.name(), false, true, primary));
        Set<String> keys = new HashSet<>();
        keys.add(names.get(0).normalized.key());
        for (ScreenableEntity.ListedName alias : source.aliases()) {
            NormalizedName normalized = NameNormalizer.normalize(alias.name(), source.type());
            // An alias that differs from an earlier name only in case or punctuation would match the same way.
            if (!normalized.isEmpty() && keys.add(normalized.key())) {
                names.add(new IndexedName(this, alias.name(), alias.weak(), false, normalized));
            }
        }
    }
}
