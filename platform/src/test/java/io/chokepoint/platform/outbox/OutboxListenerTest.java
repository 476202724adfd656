package io.chokepoint.platform.outbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listener on the local PostgreSQL: a writer's notification, sent from a connection of its own as another
 * instance would, wakes the relay; a terminated connection is replaced and listens again. The channel is new on
 * every run, with capitals and a quote, so that it must be quoted to match what {@code pg_notify} sends.
 */
class OutboxListenerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final RelayChannel CHANNEL =
            new RelayChannel("Outbox \"Test\" " + UUID.randomUUID().toString().substring(0, 8));
    private static final Settings SETTINGS = new Settings(true, CHANNEL.name(), Duration.ofMillis(50),
            Duration.ofMillis(400), Duration.ofMillis(100));

    private static OutboxSchema schema;
    private final AtomicInteger wakeUps = new AtomicInteger();
    private OutboxListener listener;

    record Settings(boolean enabled, String channel, Duration reconnectDelay, Duration maxReconnectDelay,
                    Duration checkInterval) implements OutboxConfig.Notifications {
    }

    @BeforeAll
    static void createSchema() throws SQLException {
        schema = OutboxSchema.create("platform_outbox_listener_test");
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        schema.drop();
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.stop(PATIENCE);
        }
    }

    @Test
    void aCommitOnAnotherConnectionWakesTheRelay() throws SQLException {
        listen(schema::connect);

        writeAndAnnounce();

        await().atMost(PATIENCE).until(() -> wakeUps.get() >= 1);
    }

    @Test
    void aTerminatedConnectionIsReplacedAndListensAgain() throws SQLException {
        listen(schema::connect);
        int first = listener.backendPid().orElseThrow();

        try (Connection admin = schema.connect(); Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(" + first + ")");
        }
        await().atMost(PATIENCE).until(() -> listener.backendPid().isPresent()
                && listener.backendPid().getAsInt() != first);
        assertEquals(1, wakeUps.get(), "woken once on reconnecting, for what was committed meanwhile");

        writeAndAnnounce();

        await().atMost(PATIENCE).until(() -> wakeUps.get() >= 2);
    }

    @Test
    void connectionFailuresAreRetriedUntilOneSucceeds() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();
        listen(() -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new SQLException("connection refused");
            }
            return schema.connect();
        });
        assertEquals(4, attempts.get());

        writeAndAnnounce();

        await().atMost(PATIENCE).until(() -> wakeUps.get() >= 1);
    }

    @Test
    void stoppingClosesTheConnection() throws SQLException {
        listen(schema::connect);
        int pid = listener.backendPid().orElseThrow();

        listener.stop(PATIENCE);

        assertFalse(listener.backendPid().isPresent());
        await().atMost(PATIENCE).until(() -> !backendExists(pid));
    }

    @Test
    void onlyANotificationNamingTheSchemaCounts() {
        PGNotification ours = notification("alerting");
        PGNotification theirs = notification("sanctions");

        assertTrue(OutboxListener.namesSchema(new PGNotification[] {theirs, ours}, "alerting"));
        assertFalse(OutboxListener.namesSchema(new PGNotification[] {theirs}, "alerting"));
        assertFalse(OutboxListener.namesSchema(new PGNotification[0], "alerting"));
        assertFalse(OutboxListener.namesSchema(null, "alerting"));
    }

    @Test
    void aChannelNameTooLongOrBlankIsRefusedNamingTheKey() {
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> new RelayChannel("c".repeat(64)));
        assertTrue(tooLong.getMessage().contains("chokepoint.outbox.notifications.channel"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RelayChannel(" "));
        assertThrows(IllegalArgumentException.class, () -> new RelayChannel("é".repeat(32)), "64 bytes");
        assertEquals(63, new RelayChannel("c".repeat(63)).name().length());
    }

    /** Starts a listener and waits until it listens. */
    private void listen(OutboxListener.Connector connector) {
        listener = new OutboxListener(connector, CHANNEL, wakeUps::incrementAndGet, SETTINGS);
        listener.start();
        await().atMost(PATIENCE).until(() -> listener.backendPid().isPresent());
    }

    /** What a writer on another instance does: a row and the announcement, committed together. */
    private static void writeAndAnnounce() throws SQLException {
        try (Connection writer = schema.connect()) {
            writer.setAutoCommit(false);
            try (Statement insert = writer.createStatement()) {
                insert.execute("insert into outbox_message (topic, message_key, ce_id, ce_type, created_at)"
                        + " values ('alerts.raised', 'alert-1', 'ce-1', 'io.chokepoint.alert.raised', now())");
            }
            CHANNEL.announce(writer);
            writer.commit();
        }
    }

    private static boolean backendExists(int pid) throws SQLException {
        try (Connection admin = schema.connect();
             PreparedStatement query = admin.prepareStatement("select 1 from pg_stat_activity where pid = ?")) {
            query.setInt(1, pid);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static PGNotification notification(String payload) {
        return new org.postgresql.core.Notification(CHANNEL.name(), 1, payload);
    }
}
