package io.chokepoint.alerting.outbox;

import io.agroal.api.AgroalDataSource;
import io.chokepoint.alerting.TestKafka;
import io.chokepoint.model.Topics;
import io.chokepoint.platform.outbox.OutboxListening;
import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another instance of the service, writing to the shared outbox over a connection of its own, is simulated here: a
 * row inserted in its own transaction with the notification its Outbox sends. With the sweep ten minutes away
 * ({@link NoSweepProfile}), only that notification can make this instance relay the row within the wait.
 */
@QuarkusTest
@TestProfile(NoSweepProfile.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class OutboxNotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxListening listening;
    @Inject
    KafkaClientService kafka;
    @ConfigProperty(name = "chokepoint.outbox.notifications.channel")
    String channel;
    @ConfigProperty(name = "chokepoint.outbox.batch-size")
    int batchSize;

    @Test
    void aRowCommittedByAnotherInstanceIsRelayedOnItsNotification() throws SQLException {
        try (ConsumerTask<String, String> raised = TestKafka.consume(Topics.ALERTS_RAISED)) {
            List<String> keys = writeAsAnotherInstance(1, true);

            await().atMost(WAIT).until(() -> !TestKafka.withKey(raised, keys.get(0)).isEmpty());
            ConsumerRecord<String, String> record = TestKafka.withKey(raised, keys.get(0)).get(0);
            assertEquals("ce-" + keys.get(0), TestKafka.header(record, "ce_id"));
        }
    }

    @Test
    void theListenerConnectsAgainAfterItsConnectionIsTerminatedAndStillActs() throws SQLException {
        int first = await().atMost(WAIT).until(() -> listening.backendPid(), pid -> pid.isPresent()).getAsInt();
        try (ConsumerTask<String, String> raised = TestKafka.consume(Topics.ALERTS_RAISED)) {
            List<String> missed = writeAsAnotherInstance(1, false);
            try (Connection admin = dataSource.getConnection(); Statement statement = admin.createStatement()) {
                statement.execute("select pg_terminate_backend(" + first + ")");
            }
            // Reconnected, the listener relays what it may have missed; once that is marked sent, the relay is idle
            // and only the next notification can start it again.
            await().atMost(WAIT).until(() -> marks(missed).unsent() == 0);
            assertTrue(listening.backendPid().isPresent() && listening.backendPid().getAsInt() != first,
                    "listening on a new connection");

            List<String> announced = writeAsAnotherInstance(1, true);

            await().atMost(WAIT).until(() -> !TestKafka.withKey(raised, announced.get(0)).isEmpty());
        }
    }

    @Test
    void aBatchGoesOutWholeAndIsMarkedSentAtOnce() throws SQLException {
        int count = batchSize + batchSize / 2;
        List<String> keys;
        try (ConsumerTask<String, String> raised = TestKafka.consume(Topics.ALERTS_RAISED)) {
            keys = writeAsAnotherInstance(count, true);

            await().atMost(WAIT).until(() -> keys.stream().allMatch(key -> !TestKafka.withKey(raised, key).isEmpty()));
        }
        await().atMost(WAIT).until(() -> marks(keys).unsent() == 0);
        Marks marks = marks(keys);
        assertEquals(count, marks.attemptedOnce(), "each handed over once");
        // One update per batch marks all of it at one instant: the rows span at most two batches of the relay,
        // and a third if the first also held what was written just before.
        assertTrue(marks.distinctSentAt() <= count / batchSize + 2,
                "batches marked at once, not row by row: " + marks.distinctSentAt() + " instants");
    }

    @Test
    void theProducerTakesTheTypedKeysOverThePlatformsDefaults() {
        var producer = kafka.getProducer("outbox").configuration();
        assertEquals(NoSweepProfile.COMPRESSION, String.valueOf(producer.get("compression.type")));
        assertEquals("all", String.valueOf(producer.get("acks")));
    }

    private record Marks(int unsent, int attemptedOnce, int distinctSentAt) {
    }

    /**
     * Rows committed on a connection of the pool as another instance's, with the notification its Outbox sends, or
     * without one (a write this instance did not hear of).
     */
    private List<String> writeAsAnotherInstance(int count, boolean announce) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (PreparedStatement insert = writer.prepareStatement("insert into outbox_message"
                    + " (topic, message_key, payload, ce_id, ce_type, ce_subject, created_at)"
                    + " values (?, ?, ?, ?, 'io.chokepoint.alert.raised', ?, now())")) {
                for (int i = 0; i < count; i++) {
                    String key = UUID.randomUUID().toString();
                    keys.add(key);
                    insert.setString(1, Topics.ALERTS_RAISED);
                    insert.setString(2, key);
                    insert.setString(3, "{\"alertId\":\"" + key + "\",\"type\":\"PRECURSOR_TO_SANCTIONED_PARTY\"}");
                    insert.setString(4, "ce-" + key);
                    insert.setString(5, key);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            if (announce) {
                try (PreparedStatement notify = writer.prepareStatement("select pg_notify(?, current_schema())")) {
                    notify.setString(1, channel);
                    notify.execute();
                }
            }
            writer.commit();
        }
        return keys;
    }

    private Marks marks(List<String> keys) throws SQLException {
        try (Connection reader = dataSource.getConnection();
             PreparedStatement query = reader.prepareStatement("select sent_at, attempts from outbox_message"
                     + " where message_key = any(?)")) {
            query.setArray(1, reader.createArrayOf("text", keys.toArray()));
            int unsent = 0;
            int once = 0;
            Set<Object> instants = new HashSet<>();
            int rows = 0;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows++;
                    Object sentAt = result.getObject(1);
                    if (sentAt == null) {
                        unsent++;
                    } else {
                        instants.add(sentAt);
                    }
                    once += result.getInt(2) == 1 ? 1 : 0;
                }
            }
            assertEquals(keys.size(), rows);
            return new Marks(unsent, once, instants.size());
        }
    }
}
