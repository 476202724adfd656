package io.chokepoint.registry.imports;

import java.util.List;

/**
 * What an import did. {@code listVersion} is null when the file changed nothing (no version is made).
 *
 * @param entries          entries in the file
 * @param unchanged        entries already listed with the same content
 * @param changes          the changed entities, added first, then changed, then removed; at most
 *                         {@code chokepoint.imports.max-reported-changes} of them
 * @param changesTruncated whether {@code changes} was cut short (the counts are always complete)
 */
public record ImportReport(
        String listVersion,
        String source,
        String format,
        int entries,
        int added,
        int changed,
        int removed,
        int unchanged,
        List<Change> changes,
        boolean changesTruncated) {

    /** One changed entity: ADDED (new or listed again), CHANGED, or REMOVED (delisted). */
    public record Change(String action, String entityId, String sourceId, String name) {
    }
}
