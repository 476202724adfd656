package io.chokepoint.platform.outbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
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
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The batched write of {@code Outbox.enqueueAll} on the local PostgreSQL, in an {@link OutboxSchema} of its own.
 */
class OutboxInsertsTest {

    private static OutboxSchema schema;
    private static final Instant WRITTEN = Instant.parse("2026-11-28T10:15:00.123456Z");
    private static final Map<String, String> TYPES = Map.of(
            "sanctions.entities", "io.chokepoint.sanctions.entity-changed",
            "sanctions.list-versions", "io.chokepoint.sanctions.list-version-published");

    private Connection connection;

    @BeforeAll
    static void createTable() throws SQLException {
        schema = OutboxSchema.create("platform_outbox_test");
    }

    @AfterAll
    static void dropTable() throws SQLException {
        schema.drop();
    }

    /** Like a service's connection in a transaction; with the driver rewriting batches into multi-row inserts. */
    @BeforeEach
    void begin() throws SQLException {
        connection = DriverManager.getConnection(schema.url() + "&reWriteBatchedInserts=true", OutboxSchema.USER,
                "");
        connection.setAutoCommit(false);
        try (Statement clear = connection.createStatement()) {
            clear.execute("truncate outbox_message");
        }
        connection.commit();
    }

    @AfterEach
    void end() throws SQLException {
        connection.close();
    }

    @Test
    void everyMessageIsWrittenInListOrderAcrossBatches() throws SQLException {
        List<OutboundEvent> events = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            events.add(OutboundEvent.of("sanctions.entities", "entity-" + i, new Payload("LISTED", i)));
        }
        events.add(OutboundEvent.of("sanctions.entities", "entity-7", null));
        events.add(OutboundEvent.of("sanctions.list-versions", "2026-11-28.0001", new Payload("v", 8))
                .withId("list-version-2026-11-28.0001").withSubject("2026-11-28.0001"));

        OutboxInserts.insertAll(connection, messages(events), 3);
        connection.commit();

        List<Row> rows = rows();
        assertEquals(events.size(), rows.size());
        for (int i = 0; i < events.size(); i++) {
            OutboundEvent event = events.get(i);
            Row row = rows.get(i);
            assertEquals(event.topic(), row.topic(), "row " + i);
            assertEquals(event.key(), row.key(), "row " + i);
            assertEquals(event.id(), row.ceId(), "row " + i);
            assertEquals(TYPES.get(event.topic()), row.ceType(), "row " + i);
            assertEquals(event.subject(), row.ceSubject(), "row " + i);
            assertEquals(WRITTEN, row.createdAt(), "row " + i);
            assertEquals(0, row.attempts(), "row " + i);
            assertNull(row.sentAt(), "pending");
            assertNull(row.lastError());
        }
        assertEquals("{\"status\":\"LISTED\",\"n\":1}", rows.get(0).payload());
        assertNull(rows.get(7).payload(), "a tombstone stays null, after the record it ends");
    }

    @Test
    void theRowsAreNumberedAfterThoseTheTransactionWroteBefore() throws SQLException {
        try (Statement single = connection.createStatement()) {
            single.execute("insert into outbox_message (topic, message_key, payload, ce_id, ce_type, created_at)"
                    + " values ('sanctions.entities', 'first', null, 'ce-first', 't', now())");
        }
        OutboxInserts.insertAll(connection, messages(List.of(
                OutboundEvent.of("sanctions.entities", "second", null),
                OutboundEvent.of("sanctions.entities", "third", null))), 500);
        connection.commit();

        assertEquals(List.of("first", "second", "third"), rows().stream().map(Row::key).toList());
    }

    @Test
    void nothingIsWrittenWhenTheCallersTransactionRollsBack() throws SQLException {
        OutboxInserts.insertAll(connection, messages(List.of(
                OutboundEvent.of("sanctions.entities", "entity-1", new Payload("LISTED", 1)))), 500);
        connection.rollback();

        assertEquals(List.of(), rows());
    }

    @Test
    void aTopicWithoutATypeRefusesTheWholeListBeforeAnyRowIsWritten() {
        List<OutboundEvent> events = List.of(
                OutboundEvent.of("sanctions.entities", "entity-1", new Payload("LISTED", 1)),
                OutboundEvent.of("sanctions.entitys", "entity-2", new Payload("LISTED", 2)));

        assertThrows(IllegalArgumentException.class, () -> messages(events));
    }

    @Test
    void everyRowKeepsTheTraceContextOfItsWriter() throws SQLException {
        TraceContext writer = new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "vendor=a1b2");
        OutboxInserts.insertAll(connection, Outbox.toMessages(List.of(
                OutboundEvent.of("sanctions.entities", "entity-1", new Payload("LISTED", 1)),
                OutboundEvent.of("sanctions.entities", "entity-2", null)), TYPES, OutboxInsertsTest::json, WRITTEN,
                writer), 500);
        OutboxInserts.insertAll(connection, messages(List.of(
                OutboundEvent.of("sanctions.entities", "entity-3", null))), 500);
        connection.commit();

        List<TraceContext> kept = new ArrayList<>();
        try (Statement query = connection.createStatement();
             ResultSet result = query.executeQuery("select trace_parent, trace_state from outbox_message order by id")) {
            while (result.next()) {
                kept.add(new TraceContext(result.getString(1), result.getString(2)));
            }
        }
        assertEquals(List.of(writer, writer, TraceContext.NONE), kept, "none when written outside any span");
    }

    @Test
    void anEmptyListWritesNothing() throws SQLException {
        OutboxInserts.insertAll(connection, List.of(), 500);
        connection.commit();

        assertEquals(List.of(), rows());
    }

    record Payload(String status, int n) {
    }

    private record Row(long id, String topic, String key, String payload, String ceId, String ceType,
                       String ceSubject, Instant createdAt, Instant sentAt, int attempts, String lastError) {
    }

    private static List<OutboxMessage> messages(List<OutboundEvent> events) {
        return Outbox.toMessages(events, TYPES, OutboxInsertsTest::json, WRITTEN, TraceContext.NONE);
    }

    private static String json(Object payload) {
        return payload instanceof Payload p ? "{\"status\":\"" + p.status() + "\",\"n\":" + p.n() + "}" : null;
    }

    private List<Row> rows() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement query = connection.createStatement();
             ResultSet result = query.executeQuery("select id, topic, message_key, payload, ce_id, ce_type,"
                     + " ce_subject, created_at, sent_at, attempts, last_error from outbox_message order by id")) {
            while (result.next()) {
                rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                        result.getString(5), result.getString(6), result.getString(7), instant(result, 8),
                        instant(result, 9), result.getInt(10), result.getString(11)));
            }
        }
        connection.commit();
        return rows;
    }

    private static Instant instant(ResultSet result, int column) throws SQLException {
        OffsetDateTime value = result.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
