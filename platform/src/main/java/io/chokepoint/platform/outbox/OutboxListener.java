package io.chokepoint.platform.outbox;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Listens on the {@link RelayChannel} on one connection of its own, on a daemon thread, and wakes the relay when a
 * notification names this connection's schema. A lost connection is replaced, waiting longer after each failure up
 * to a limit; after a reconnection the relay is woken once, for what was committed while nothing listened. Meanwhile
 * the relay's sweep keeps sending.
 */
final class OutboxListener {

    /** Opens the listener's connection; not one of the pool's, which it would hold forever. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    /** How long one wait for notifications lasts: what bounds the time {@link #stop} takes. */
    private static final int POLL_MILLIS = 500;

    private static final Logger LOG = Logger.getLogger(OutboxListener.class);

    private final Connector connector;
    private final RelayChannel channel;
    private final Runnable wakeUp;
    private final OutboxConfig.Notifications settings;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int backendPid;

    OutboxListener(Connector connector, RelayChannel channel, Runnable wakeUp, OutboxConfig.Notifications settings) {
        this.connector = connector;
        this.channel = channel;
        this.wakeUp = wakeUp;
        this.settings = settings;
        this.thread = new Thread(this::run, "outbox-listener");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops listening and closes the connection, waiting for that at most {@code patience}. */
    void stop(Duration patience) {
        running = false;
        thread.interrupt();
        try {
            thread.join(patience.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The PostgreSQL process of the listening connection, while there is one. */
    OptionalInt backendPid() {
        int pid = backendPid;
        return pid == 0 ? OptionalInt.empty() : OptionalInt.of(pid);
    }

    private void run() {
        Duration delay = settings.reconnectDelay();
        boolean listenedBefore = false;
        while (running) {
            try (Connection connection = connector.connect()) {
                String schema = subscribe(connection);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                delay = settings.reconnectDelay();
                if (listenedBefore) {
                    wakeUp.run();
                }
                listenedBefore = true;
                backendPid = notifications.getBackendPID();
                receive(connection, notifications, schema);
            } catch (SQLException | RuntimeException e) {
                backendPid = 0;
                if (running) {
                    LOG.warnf("Outbox listener on channel %s has no connection (%s); trying again in %s, the "
                            + "sweep relays meanwhile", channel.name(), e.getMessage(), delay);
                    pause(delay);
                    delay = longer(delay);
                }
            }
        }
        backendPid = 0;
    }

    /** Subscribes the connection and answers its schema, the payload of the notifications meant for it. */
    private String subscribe(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(channel.listen());
            try (ResultSet schema = statement.executeQuery("select current_schema()")) {
                if (!schema.next() || schema.getString(1) == null) {
                    throw new SQLException("the connection has no current schema: its currentSchema names none "
                            + "that exists");
                }
                return schema.getString(1);
            }
        }
    }

    private void receive(Connection connection, PGConnection notifications, String schema) throws SQLException {
        long nextCheck = System.nanoTime() + settings.checkInterval().toNanos();
        while (running) {
            if (namesSchema(notifications.getNotifications(POLL_MILLIS), schema)) {
                wakeUp.run();
            }
            if (System.nanoTime() - nextCheck >= 0) {
                check(connection);
                nextCheck = System.nanoTime() + settings.checkInterval().toNanos();
            }
        }
    }

    static boolean namesSchema(PGNotification[] received, String schema) {
        if (received == null) {
            return false;
        }
        for (PGNotification notification : received) {
            if (schema.equals(notification.getParameter())) {
                return true;
            }
        }
        return false;
    }

    /** A connection cut without a word would wait for notifications forever; a query finds out. */
    private static void check(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        }
    }

    private void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            // stopping: the loop sees it
        }
    }

    private Duration longer(Duration delay) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(settings.maxReconnectDelay()) > 0 ? settings.maxReconnectDelay() : doubled;
    }
}
