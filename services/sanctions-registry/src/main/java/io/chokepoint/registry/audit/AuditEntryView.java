package io.chokepoint.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * An audit entry as the API answers it; {@code before} is null for a creation, {@code requestId} (the change request
 * that made it, see {@code /api/v1/audit/requests/{id}}) for entries older than request records.
 */
public record AuditEntryView(long id, Instant at, String actor, AuditAction action, String entityId,
                             String listVersion, JsonNode before, JsonNode after, String requestId) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.id, e.at, e.actor, e.action, e.entityId.toString(), e.listVersion,
                e.before, e.after, e.requestId == null ? null : e.requestId.toString());
    }
}
