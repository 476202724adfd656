package io.chokepoint.model.sanctions;

import java.time.Instant;

/** A new version of the sanctions lists, on {@code sanctions.list-versions}, with its diff counts. */
public record ListVersionPublished(
        String listVersion,
        String source,
        Instant createdAt,
        int added,
        int changed,
        int removed) {
}
