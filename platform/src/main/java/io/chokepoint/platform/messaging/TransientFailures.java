package io.chokepoint.platform.messaging;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure that the same work may get past when tried again (the database away or restarting, a deadlock,
 * a lock or statement timeout) from one that it would meet again (a bug, a constraint one record breaks). A batch
 * that fails transiently is tried again whole; otherwise it is split to find the record at fault.
 */
final class TransientFailures {

    /** PostgreSQL SQLSTATE classes and codes of conditions that pass: connection, rollback, resources, operator. */
    private static final Set<String> CLASSES = Set.of("08", "40", "53", "57");
    private static final Set<String> CODES = Set.of("55P03", "55006");
    private static final int MAX_CAUSES = 16;

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.length() >= 2 && CLASSES.contains(state.substring(0, 2)) || CODES.contains(state)) {
                    return true;
                }
            }
            if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
