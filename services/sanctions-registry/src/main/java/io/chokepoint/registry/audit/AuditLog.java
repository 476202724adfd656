package io.chokepoint.registry.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Writes audit entries in the transaction of the change they describe. */
@ApplicationScoped
public class AuditLog {

    @Inject
    ObjectMapper mapper;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, AuditAction action, UUID entityId, String listVersion,
                       Object before, Object after, Instant at) {
        AuditEntry entry = new AuditEntry();
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.entityId = entityId;
        entry.listVersion = listVersion;
        entry.before = before == null ? null : mapper.valueToTree(before);
        entry.after = after == null ? null : mapper.valueToTree(after);
        entry.persist();
    }
}
