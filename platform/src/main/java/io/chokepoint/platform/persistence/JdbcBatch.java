package io.chokepoint.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts rows as one JDBC batch of one prepared statement on the given connection (the transaction's, through
 * Hibernate's {@code Session.doWork}), which the PostgreSQL driver rewrites to multi-row inserts when
 * {@code reWriteBatchedInserts} is on. For entities whose ids come from an identity column: Hibernate inserts those
 * one statement each, at once, and flushes everything queued before them, so a batch's other rows go one by one
 * too. Rows are inserted, and their identities numbered, in list order.
 */
public final class JdbcBatch {

    /** Binds one row's values to the statement's parameters. */
    @FunctionalInterface
    public interface Binder<T> {

        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private JdbcBatch() {
    }

    public static <T> void insertAll(Connection connection, String insert, List<T> rows, Binder<T> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
