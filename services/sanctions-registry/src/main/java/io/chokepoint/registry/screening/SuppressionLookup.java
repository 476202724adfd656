package io.chokepoint.registry.screening;

/** Whether a (party name, entity) pair was dismissed as a false positive and must not be reported again. */
@FunctionalInterface
public interface SuppressionLookup {

    SuppressionLookup NONE = (nameKey, entityId) -> false;

    /**
     * @param partyNameKey the party name's {@link NormalizedName#key()}
     */
    boolean isSuppressed(String partyNameKey, String entityId);
}
