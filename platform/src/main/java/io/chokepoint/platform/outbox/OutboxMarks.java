package io.chokepoint.platform.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Records a batch's outcome on the relay's connection, so in the batch's transaction: one update marks every sent
 * message, one more per reason the others wait (most often none, a single one when the broker is away). The batch
 * is read without being managed for changes ({@link OutboxMessage#oldestPending}), so nothing else is written.
 */
final class OutboxMarks {

    static final String MARK_SENT = "update outbox_message set sent_at = ?, attempts = attempts + 1,"
            + " last_error = null where id = any(?)";
    static final String MARK_PENDING = "update outbox_message set attempts = attempts + 1, last_error = ?"
            + " where id = any(?)";

    private OutboxMarks() {
    }

    static void record(Connection connection, OutboxBatch.Outcome outcome, Instant sentAt) throws SQLException {
        markSent(connection, outcome.sentIds(), sentAt);
        for (Map.Entry<String, List<Long>> waiting : outcome.pending().entrySet()) {
            markPending(connection, waiting.getValue(), waiting.getKey());
        }
    }

    /** Answers how many rows were marked. */
    static int markSent(Connection connection, List<Long> ids, Instant sentAt) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
            update.setObject(1, OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC));
            update.setArray(2, idArray(connection, ids));
            return update.executeUpdate();
        }
    }

    /** Counts the attempt and keeps its failure; answers how many rows were changed. */
    static int markPending(Connection connection, List<Long> ids, String failure) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK_PENDING)) {
            update.setString(1, failure);
            update.setArray(2, idArray(connection, ids));
            return update.executeUpdate();
        }
    }

    private static Array idArray(Connection connection, List<Long> ids) throws SQLException {
        return connection.createArrayOf("bigint", ids.toArray());
    }
}
