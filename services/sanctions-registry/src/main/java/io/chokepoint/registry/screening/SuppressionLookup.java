package io.chokepoint.registry.screening;

/** Whether a (party name, entity) pair was dismissed as a false positive and must not be reported again. */
@FunctionalInterface
public interface SuppressionLookup {

    SuppressionLookup NONE = new SuppressionLookup() {
        @Override
        public boolean isSuppressed(String partyNameKey, String entityId) {
            return false;
        }

        @Override
        public boolean isEmpty() {
            return true;
        }
    };

    /**
     * @param partyNameKey the party name's {@link NormalizedName#key()}
     */
    boolean isSuppressed(String partyNameKey, String entityId);

    /**
     * By either key of the party name: its {@link NormalizedName#key()}, which spelling variants share, or its
     * {@link DeclaredNames#key} (alerting's key), which only other accents, case and punctuation share.
     */
    default boolean isSuppressed(String partyNameKey, String declaredNameKey, String entityId) {
        return isSuppressed(partyNameKey, entityId);
    }

    /** Whether nothing is suppressed: a screening then need not compute the keys of its name. */
    default boolean isEmpty() {
        return false;
    }
}
