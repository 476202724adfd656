package io.chokepoint.registry.entities;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An entity as the API answers it, the audit log keeps it and the screening index loads it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityView(
        String entityId,
        String source,
        String sourceId,
        EntityType type,
        String name,
        List<Alias> aliases,
        List<String> countries,
        List<Address> addresses,
        List<Identifier> identifiers,
        List<String> programs,
        String remarks,
        LocalDate listedOn,
        EntityStatus status,
        Instant delistedAt,
        String listVersion,
        Instant createdAt,
        Instant updatedAt,
        long revision) {

    public static EntityView of(SanctionedEntity e) {
        return new EntityView(e.id.toString(), e.source, e.sourceId, e.type, e.name, List.copyOf(e.aliases),
                List.copyOf(e.countries), List.copyOf(e.addresses), List.copyOf(e.identifiers),
                List.copyOf(e.programs), e.remarks, e.listedOn, e.status, e.delistedAt, e.listVersion,
                e.createdAt, e.updatedAt, e.revision);
    }

    @JsonIgnore
    public boolean listed() {
        return status == EntityStatus.LISTED;
    }
}
