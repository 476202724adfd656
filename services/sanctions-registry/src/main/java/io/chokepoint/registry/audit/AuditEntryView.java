package io.chokepoint.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** An audit entry as the API answers it; {@code before} is null for a creation. */
public record AuditEntryView(long id, Instant at, String actor, AuditAction action, String entityId,
                             String listVersion, JsonNode before, JsonNode after) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.id, e.at, e.actor, e.action, e.entityId.toString(), e.listVersion,
                e.before, e.after);
    }
}
