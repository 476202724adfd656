package io.chokepoint.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes many outbox messages as JDBC batches on the caller's connection, so in its transaction. Plain JDBC because
 * message ids come from an identity column, and Hibernate never batches inserts of such entities: through
 * {@code persist()} an import of thousands of changes would make thousands of round trips.
 * <p>
 * Rows are inserted in list order, and an identity column numbers the rows of one statement (a multi-row insert
 * too, when the driver rewrites batches) in that order: the relay, which sends by id, keeps it.
 */
final class OutboxInserts {

    static final String INSERT = "insert into outbox_message"
            + " (topic, message_key, payload, ce_id, ce_type, ce_subject, created_at, trace_parent, trace_state,"
            + " attempts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

    private OutboxInserts() {
    }

    /** @param batchSize rows per {@code executeBatch}; the last batch may be smaller */
    static void insertAll(Connection connection, List<OutboxMessage> messages, int batchSize) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        int perBatch = Math.max(1, batchSize);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (OutboxMessage message : messages) {
                bind(insert, message);
                insert.addBatch();
                if (++pending == perBatch) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement insert, OutboxMessage message) throws SQLException {
        insert.setString(1, message.topic);
        insert.setString(2, message.messageKey);
        setText(insert, 3, message.payload);
        insert.setString(4, message.ceId);
        insert.setString(5, message.ceType);
        setText(insert, 6, message.ceSubject);
        insert.setObject(7, OffsetDateTime.ofInstant(message.createdAt, ZoneOffset.UTC));
        setText(insert, 8, message.traceParent);
        setText(insert, 9, message.traceState);
    }

    private static void setText(PreparedStatement insert, int index, String value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.VARCHAR);
        } else {
            insert.setString(index, value);
        }
    }
}
