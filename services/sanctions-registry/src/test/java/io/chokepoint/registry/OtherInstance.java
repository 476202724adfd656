package io.chokepoint.registry;

import io.chokepoint.registry.screening.NameNormalizer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Another instance of the service, as the one under test sees it: rows committed in the shared schema over a
 * connection of its own, which nothing of this instance's in-memory state hears of. It writes what that instance's
 * code would: a list version with its entity and audit entry, issued under the counter's lock; a suppression row with
 * the next change number.
 */
public final class OtherInstance {

    private OtherInstance() {
    }

    /** A manual organisation listed by the other instance: its id, and the version that listed it. */
    public record Listed(String entityId, String listVersion, long seq) {
    }

    public static Listed listOrganization(String name, String country) {
        return inTransaction(connection -> {
            long seq;
            LocalDate day;
            int daySeq;
            try (PreparedStatement lock = connection.prepareStatement(
                    "select last_seq, day, day_seq from list_version_counter where id = 1 for update");
                 ResultSet counter = lock.executeQuery()) {
                counter.next();
                seq = counter.getLong(1) + 1;
                day = counter.getObject(2, LocalDate.class);
                daySeq = counter.getInt(3);
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            if (day == null || today.isAfter(day)) {
                day = today;
                daySeq = 1;
            } else {
                daySeq++;
            }
            String version = String.format("%s.%04d", day, daySeq);
            UUID entityId = UUID.randomUUID();
            update(connection, "update list_version_counter set last_seq = ?, day = ?, day_seq = ? where id = 1",
                    seq, day, daySeq);
            update(connection, "insert into list_version (id, seq, source, actor, description, created_at, added,"
                    + " changed, removed) values (?, ?, 'MANUAL', 'other-instance', 'manual entry created', now(), 1,"
                    + " 0, 0)", version, seq);
            update(connection, "insert into sanctioned_entity (id, source, source_id, type, name, countries, programs,"
                    + " status, list_version, created_at, updated_at, revision) values (?, 'MANUAL', ?, 'ORGANIZATION',"
                    + " ?, cast(? as jsonb), '[\"SDNTK\"]', 'LISTED', ?, now(), now(), 0)",
                    entityId, "MAN-OTHER-" + entityId.toString().substring(0, 8), name, "[\"" + country + "\"]",
                    version);
            update(connection, "insert into audit_entry (at, actor, action, entity_id, list_version)"
                    + " values (now(), 'other-instance', 'CREATED', ?, ?)", entityId, version);
            return new Listed(entityId.toString(), version, seq);
        });
    }

    /**
     * Sets the state of alerting's suppression key {@code <entityId>|<declaredNameKey>} as the other instance's
     * consumer would, having read it from a partition of {@code alerts.suppressions} assigned to it.
     */
    public static void suppression(String entityId, String partyName, String declaredNameKey, boolean active) {
        inTransaction(connection -> {
            long changeSeq;
            try (PreparedStatement next = connection.prepareStatement("update suppression_change_counter"
                    + " set last_seq = last_seq + 1 where id = 1 returning last_seq");
                 ResultSet counter = next.executeQuery()) {
                counter.next();
                changeSeq = counter.getLong(1);
            }
            update(connection, """
                    insert into screening_suppression (suppression_key, party_name, party_name_key, declared_name_key,
                        entity_id, active, reason, actor, created_at, changed_at, event_id, change_seq)
                    values (?, ?, ?, ?, ?, ?, 'a namesake', 'officer-9', now(), now(), ?, ?)
                    on conflict (suppression_key) do update set active = excluded.active,
                        changed_at = excluded.changed_at, event_id = excluded.event_id,
                        change_seq = excluded.change_seq""",
                    entityId + "|" + declaredNameKey, partyName, NameNormalizer.normalize(partyName).key(),
                    declaredNameKey, UUID.fromString(entityId), active, UUID.randomUUID().toString(), changeSeq);
            return null;
        });
    }

    /** The first key of the service's rescreen lock ("rsc"), held by whichever instance rescreens. */
    private static final int RESCREEN_LOCK = 0x727363;

    /** The other instance running a rescreen: it holds the rescreen lock until closed. */
    public static final class Rescreening implements AutoCloseable {

        private final Connection connection;

        private Rescreening(Connection connection) {
            this.connection = connection;
        }

        /** The other instance's rescreen of the version is done: its mark commits, with no late result. */
        public void done(String listVersion, long seq) {
            try (PreparedStatement insert = connection.prepareStatement("insert into list_version_rescreen"
                    + " (list_version, seq, shipments, parties, late_results, done_at) values (?, ?, 0, 0, 0, now())")) {
                insert.setString(1, listVersion);
                insert.setLong(2, seq);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                advisory(connection, "pg_advisory_unlock");
            } finally {
                connection.close();
            }
        }
    }

    /** Starts a rescreen on the other instance: returns once it holds the rescreen lock. */
    public static Rescreening startRescreen() {
        try {
            Connection connection = connect();
            advisory(connection, "pg_advisory_lock");
            return new Rescreening(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many sessions wait for the rescreen lock. */
    public static long waitingForTheRescreenLock() {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("select count(*) from pg_locks"
                     + " where locktype = 'advisory' and classid = ? and objsubid = 2 and not granted")) {
            query.setInt(1, RESCREEN_LOCK);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void advisory(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "select " + function + "(?, hashtext(current_schema()))")) {
            lock.setInt(1, RESCREEN_LOCK);
            lock.executeQuery().close();
        }
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static <T> T inTransaction(Work<T> work) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
