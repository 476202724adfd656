package io.chokepoint.registry.shipments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.platform.persistence.JdbcBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes a batch's screened parties as one JDBC batch ({@link JdbcBatch}: their ids come from an identity column).
 * Rows are numbered in list order, the order a rescreen reads them back in.
 */
final class ScreenedPartyInserts {

    static final String INSERT = "insert into screened_party (shipment_id, assessment_event_id, role, name, name_key,"
            + " country, identifiers, screened_at) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)";

    private ScreenedPartyInserts() {
    }

    static void insertAll(Connection connection, List<ScreenedParty> parties, ObjectMapper mapper)
            throws SQLException {
        JdbcBatch.insertAll(connection, INSERT, parties, (insert, party) -> bind(insert, party, mapper));
    }

    private static void bind(PreparedStatement insert, ScreenedParty party, ObjectMapper mapper) throws SQLException {
        insert.setString(1, party.shipmentId);
        insert.setString(2, party.assessmentEventId);
        insert.setString(3, party.role.name());
        insert.setString(4, party.name);
        insert.setString(5, party.nameKey);
        if (party.country == null) {
            insert.setNull(6, Types.VARCHAR);
        } else {
            insert.setString(6, party.country);
        }
        insert.setString(7, json(mapper, party.identifiers));
        insert.setObject(8, OffsetDateTime.ofInstant(party.screenedAt, ZoneOffset.UTC));
    }

    private static String json(ObjectMapper mapper, List<String> identifiers) {
        try {
            return mapper.writeValueAsString(identifiers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write party identifiers", e);
        }
    }
}
