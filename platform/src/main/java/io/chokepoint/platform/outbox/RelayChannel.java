package io.chokepoint.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The PostgreSQL channel on which a writer tells the relays of every instance that its commit left messages to send.
 * The notification's payload is the writer's schema: services sharing a database share the channel, and each
 * relays only its own outbox.
 *
 * @param name the channel, taken as is (case included): quoted in {@code LISTEN}, passed as text to
 *             {@code pg_notify}
 */
record RelayChannel(String name) {

    /** PostgreSQL's longest identifier; {@code LISTEN} would cut a longer one, and {@code pg_notify} refuse it. */
    static final int MAX_BYTES = 63;

    static final String ANNOUNCE = "select pg_notify(?, current_schema())";

    RelayChannel {
        if (name == null || name.isBlank() || name.indexOf('\0') >= 0
                || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("chokepoint.outbox.notifications.channel must be a PostgreSQL "
                    + "channel name of 1 to " + MAX_BYTES + " bytes, not \"" + name + "\"");
        }
    }

    /** In the writer's transaction: PostgreSQL delivers it at the commit, or never. */
    void announce(Connection connection) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement(ANNOUNCE)) {
            notify.setString(1, name);
            notify.execute();
        }
    }

    /** The statement that subscribes a connection to the channel. */
    String listen() {
        return "listen \"" + name.replace("\"", "\"\"") + "\"";
    }
}
