package io.chokepoint.model.sanctions;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The current state of one sanctioned entity, on the compacted topic {@code sanctions.entities}
 * (key: entityId). Delisting is published as a tombstone after this record with status DELISTED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SanctionedEntityChanged(
        String entityId,
        String source,
        String sourceId,
        String type,
        String name,
        List<String> aliases,
        List<String> countries,
        List<String> programs,
        LocalDate listedOn,
        EntityStatus status,
        String listVersion,
        Instant changedAt) {

    public enum EntityStatus {
        LISTED,
        DELISTED
    }
}
