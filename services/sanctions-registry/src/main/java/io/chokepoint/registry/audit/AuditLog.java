package io.chokepoint.registry.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Writes audit entries in the transaction of the change they describe. Only inserts: the table is append-only (a
 * trigger refuses any update or delete).
 */
@ApplicationScoped
public class AuditLog {

    /** JDBC batch size when the session names none. */
    private static final int DEFAULT_BATCH = 500;
    private static final String INSERT = "insert into audit_entry (at, actor, action, entity_id, list_version, before,"
            + " after, request_id) values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)";

    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager em;

    /**
     * One change to audit: {@code before} is null for a creation; both are written as JSON snapshots.
     *
     * @param requestId the {@link ChangeRequest} that made it
     */
    public record Change(String actor, AuditAction action, UUID entityId, String listVersion,
                         Object before, Object after, Instant at, UUID requestId) {
    }

    /**
     * Writes the entries in JDBC batches (an import audits thousands of changes at once). Plain JDBC because
     * audit ids come from an identity column, and Hibernate never batches inserts of such entities.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Session session = em.unwrap(Session.class);
        Integer sessionBatch = session.getJdbcBatchSize();
        int batch = sessionBatch == null || sessionBatch < 1 ? DEFAULT_BATCH : sessionBatch;
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int pending = 0;
                for (Change change : changes) {
                    bind(insert, change);
                    insert.addBatch();
                    if (++pending == batch) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    private void bind(PreparedStatement insert, Change change) throws SQLException {
        insert.setObject(1, OffsetDateTime.ofInstant(change.at(), ZoneOffset.UTC));
        insert.setString(2, change.actor());
        insert.setString(3, change.action().name());
        insert.setObject(4, change.entityId());
        insert.setString(5, change.listVersion());
        setJson(insert, 6, change.before());
        setJson(insert, 7, change.after());
        insert.setObject(8, change.requestId());
    }

    private void setJson(PreparedStatement insert, int index, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.VARCHAR);
            return;
        }
        try {
            insert.setString(index, mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
