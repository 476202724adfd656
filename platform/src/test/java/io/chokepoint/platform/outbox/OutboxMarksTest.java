package io.chokepoint.platform.outbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A batch's outcome recorded with set-based updates, on the local PostgreSQL in an {@link OutboxSchema}. */
class OutboxMarksTest {

    private static final Instant WRITTEN = Instant.parse("2026-11-28T10:15:00.123456Z");
    private static final Instant SENT = Instant.parse("2026-11-28T10:15:01.5Z");
    private static final Map<String, String> TYPES = Map.of("alerts.raised", "io.chokepoint.alert.raised");

    private static OutboxSchema schema;
    private Connection connection;

    @BeforeAll
    static void createTable() throws SQLException {
        schema = OutboxSchema.create("platform_outbox_marks_test");
    }

    @AfterAll
    static void dropTable() throws SQLException {
        schema.drop();
    }

    @BeforeEach
    void begin() throws SQLException {
        connection = schema.connect();
        connection.setAutoCommit(false);
        try (Statement clear = connection.createStatement()) {
            clear.execute("truncate outbox_message");
        }
    }

    @AfterEach
    void end() throws SQLException {
        connection.close();
    }

    @Test
    void oneUpdateMarksAWholeBatchSent() throws SQLException {
        List<Long> ids = write(250);
        try (Statement earlier = connection.createStatement()) {
            earlier.execute("update outbox_message set attempts = 2, last_error = 'broker away'");
        }

        assertEquals(250, OutboxMarks.markSent(connection, ids, SENT));
        connection.commit();

        for (Row row : rows()) {
            assertEquals(SENT, row.sentAt(), "message " + row.id());
            assertEquals(3, row.attempts(), "message " + row.id());
            assertNull(row.lastError(), "message " + row.id());
        }
    }

    @Test
    void onlyTheNamedMessagesAreMarked() throws SQLException {
        List<Long> ids = write(4);

        assertEquals(2, OutboxMarks.markSent(connection, ids.subList(0, 2), SENT));
        connection.commit();

        List<Row> rows = rows();
        assertEquals(SENT, rows.get(1).sentAt());
        assertNull(rows.get(2).sentAt());
        assertEquals(0, rows.get(3).attempts());
    }

    @Test
    void anOutcomeMarksTheSentAndKeepsWhyTheOthersWait() throws SQLException {
        List<Long> ids = write(4);
        OutboxBatch.Outcome outcome = new OutboxBatch.Outcome(4,
                List.of(new OutboxBatch.Acknowledged(ids.get(0), "alerts.raised", WRITTEN, SENT)),
                Map.of("IllegalStateException: broker away", List.of(ids.get(1)),
                        "acknowledged after message " + ids.get(1), List.of(ids.get(2), ids.get(3))));

        OutboxMarks.record(connection, outcome, SENT);
        connection.commit();

        List<Row> rows = rows();
        assertEquals(SENT, rows.get(0).sentAt());
        assertNull(rows.get(0).lastError());
        assertNull(rows.get(1).sentAt());
        assertEquals("IllegalStateException: broker away", rows.get(1).lastError());
        assertEquals("acknowledged after message " + ids.get(1), rows.get(3).lastError());
        rows.forEach(row -> assertEquals(1, row.attempts(), "every message of the batch was attempted"));
    }

    @Test
    void nothingToMarkWritesNothing() throws SQLException {
        write(1);

        assertEquals(0, OutboxMarks.markSent(connection, List.of(), SENT));
        assertEquals(0, OutboxMarks.markPending(connection, List.of(), "reason"));
        connection.commit();

        assertEquals(0, rows().get(0).attempts());
    }

    private record Row(long id, Instant sentAt, int attempts, String lastError) {
    }

    private List<Long> write(int count) throws SQLException {
        List<OutboundEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(OutboundEvent.of("alerts.raised", "alert-" + i, null));
        }
        OutboxInserts.insertAll(connection,
                Outbox.toMessages(events, TYPES, payload -> null, WRITTEN, TraceContext.NONE), 500);
        return rows().stream().map(Row::id).toList();
    }

    private List<Row> rows() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement query = connection.createStatement();
             ResultSet result = query.executeQuery(
                     "select id, sent_at, attempts, last_error from outbox_message order by id")) {
            while (result.next()) {
                OffsetDateTime sentAt = result.getObject(2, OffsetDateTime.class);
                rows.add(new Row(result.getLong(1), sentAt == null ? null : sentAt.toInstant(), result.getInt(3),
                        result.getString(4)));
            }
        }
        return rows;
    }
}
