package io.chokepoint.registry.screening;

/** One name of a listed entity as the index holds it: the primary name or an alias. */
final class IndexedName {

    final IndexedEntity owner;
    final String text;
    final boolean weak;
    final boolean primary;
    final NormalizedName normalized;
    /** The vocabulary id of each token, set by the index. */
    int[] tokenIds;
    /** Slot in the index, -1 when not indexed. */
    int slot = -1;

    IndexedName(IndexedEntity owner, String text, boolean weak, boolean primary, NormalizedName normalized) {
        this.owner = owner;
        this.text = text;
        this.weak = weak;
        this.primary = primary;
        this.normalized = normalized;
    }

    String kind() {
        return primary ? "name" : weak ? "weak alias" : "alias";
    }
}
