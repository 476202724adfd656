package io.chokepoint.monitor.shipment;

import io.chokepoint.platform.persistence.JdbcBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes a batch's new events as one JDBC batch ({@link JdbcBatch}: their ids come from an identity column). Rows
 * are numbered in list order, the order received that a shipment's history reads.
 */
final class RecordedEventInserts {

    static final String INSERT = "insert into shipment_event (event_id, shipment_id, event_type, reporting_agency,"
            + " occurred_at, received_at, channel, raw_json, assessment_revision) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private RecordedEventInserts() {
    }

    static void insertAll(Connection connection, List<RecordedEvent> events) throws SQLException {
        JdbcBatch.insertAll(connection, INSERT, events, RecordedEventInserts::bind);
    }

    private static void bind(PreparedStatement insert, RecordedEvent event) throws SQLException {
        insert.setString(1, event.eventId);
        insert.setObject(2, event.shipmentId);
        insert.setString(3, event.eventType.name());
        insert.setString(4, event.reportingAgency);
        insert.setObject(5, utc(event.occurredAt));
        insert.setObject(6, utc(event.receivedAt));
        insert.setString(7, event.channel.name());
        insert.setString(8, event.rawJson);
        if (event.assessmentRevision == null) {
            insert.setNull(9, Types.INTEGER);
        } else {
            insert.setInt(9, event.assessmentRevision);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
