package io.chokepoint.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The processed-event log ({@link ProcessedEvent}) a batch at a time: one query finds which of a batch's events a
 * consumer has handled before, one statement records those it handled now. Plain JDBC on the transaction's
 * connection, because the lookup binds the ids as one array and the insert unnests them: two round trips a batch,
 * whatever its size.
 */
@ApplicationScoped
public class ProcessedEvents {

    static final String SELECT = "select event_id from processed_event where consumer = ? and event_id = any(?)";
    static final String INSERT = "insert into processed_event (consumer, event_id, processed_at)"
            + " select ?, id, ? from unnest(?) as id";

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Which of the event ids the consumer has handled before; in the caller's transaction. */
    public Set<String> handledBefore(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                Array ids = connection.createArrayOf("text", eventIds.toArray());
                select.setString(1, consumer);
                select.setArray(2, ids);
                Set<String> found = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
                return found;
            }
        });
    }

    /**
     * Records the events as handled, in the caller's transaction, so with their effect. An id recorded meanwhile by
     * another instance violates the key and fails the transaction: the batch is then tried again and finds it.
     */
    public void markHandled(String consumer, Collection<String> eventIds, Instant at) {
        if (eventIds.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, consumer);
                insert.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setArray(3, connection.createArrayOf("text", eventIds.toArray()));
                insert.executeUpdate();
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
