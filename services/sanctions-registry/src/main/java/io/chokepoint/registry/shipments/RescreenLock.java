package io.chokepoint.registry.shipments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Lets one rescreen run at a time across the instances of the service: a PostgreSQL session advisory lock, held on a
 * connection of its own for the whole rescreen (which runs many short transactions of its own). An instance that
 * stops midway closes that connection, and the lock goes with it: another instance's sweep rescreens the version.
 */
@ApplicationScoped
class RescreenLock {

    /** First key of the advisory lock ("rsc"); the second is the schema's hash, as for the outbox relay's. */
    private static final int LOCK = 0x727363;

    @Inject
    DataSource dataSource;

    /** Runs the work holding the lock, after waiting for a rescreen that holds it, here or on another instance. */
    <T> T holding(Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            call(connection, "pg_advisory_lock");
            try {
                return work.get();
            } finally {
                call(connection, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the rescreen lock could not be taken or released: " + e.getMessage(), e);
        }
    }

    private static void call(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + function + "(?, hashtext(current_schema()))")) {
            statement.setInt(1, LOCK);
            statement.executeQuery().close();
        }
    }
}
