package io.chokepoint.registry.lists;

import io.chokepoint.registry.entities.EntityView;

import java.util.List;

/**
 * Fired when a list version is committed: its source and the changed entities in their new state (delisted ones
 * included). Observe it with {@code during = TransactionPhase.AFTER_SUCCESS}.
 */
public record ListVersionCommitted(String listVersion, long seq, String source, List<EntityView> changed) {
}
