package io.chokepoint.alerting.retry;

import io.chokepoint.alerting.TestKafka;
import io.chokepoint.platform.messaging.MessagingConfig;
import io.chokepoint.platform.messaging.ProcessedEvent;
import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the real broker and database: a handler that fails transiently is retried, each attempt in its own
 * transaction, and its record is processed, not dead-lettered; an invalid record is dead-lettered at once; a failure
 * that outlasts the retries dead-letters the record after the last one.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class ConsumerRetryTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    private static ConsumerTask<String, String> deadLetters;

    @Inject
    RetryProbeConsumer probes;
    @Inject
    MessagingConfig config;

    @BeforeAll
    static void listen() {
        deadLetters = TestKafka.consume(RetryProbeConsumer.TOPIC + ".dlq");
    }

    @AfterAll
    static void stopListening() {
        deadLetters.close();
    }

    @Test
    void aHandlerThatFailsTwiceThenSucceedsIsProcessedNotDeadLettered() {
        String id = newId();
        send(id, "{\"id\": \"%s\", \"transientFailures\": 2, \"valid\": true}".formatted(id));

        await().atMost(WAIT).until(() -> processedRows(id) == 1);
        assertEquals(3, probes.attemptsOf(id), "two failed attempts, then the one that passed");
        // A later record of the same partition is handled only after this one: once it is, this one is settled.
        String marker = newId();
        send(id, "{\"id\": \"%s\", \"transientFailures\": 0, \"valid\": true}".formatted(marker));
        await().atMost(WAIT).until(() -> processedRows(marker) == 1);
        assertTrue(TestKafka.withKey(deadLetters, id).isEmpty(), "nothing of this key was dead-lettered");
        assertEquals(1, processedRows(id), "the failed attempts' rows were rolled back");
    }

    @Test
    void anInvalidRecordIsDeadLetteredAtOnceWithItsReason() {
        String id = newId();
        send(id, "{\"id\": \"%s\", \"transientFailures\": 0, \"valid\": false}".formatted(id));

        ConsumerRecord<String, String> dead = awaitDeadLetter(id);
        assertTrue(TestKafka.header(dead, "dead-letter-reason").contains("Invalid probe " + id),
                TestKafka.header(dead, "dead-letter-reason"));
        assertEquals(1, probes.attemptsOf(id), "invalid input is not tried again");
        assertEquals(0, processedRows(id));
    }

    @Test
    void aFailureThatOutlastsTheRetriesDeadLettersTheRecordAfterTheLastOne() {
        String id = newId();
        send(id, "{\"id\": \"%s\", \"transientFailures\": 1000, \"valid\": true}".formatted(id));

        ConsumerRecord<String, String> dead = awaitDeadLetter(id);
        assertEquals(config.retry().maxRetries() + 1, probes.attemptsOf(id));
        assertTrue(TestKafka.header(dead, "dead-letter-reason") != null);
        assertEquals(0, processedRows(id));
    }

    @Test
    void theConsumerGoesOnAfterADeadLetter() {
        String invalid = newId();
        String valid = newId();
        send(invalid, "{\"id\": \"%s\", \"transientFailures\": 0, \"valid\": false}".formatted(invalid));
        send(invalid, "{\"id\": \"%s\", \"transientFailures\": 1, \"valid\": true}".formatted(valid));

        ConsumerRecord<String, String> dead = awaitDeadLetter(invalid);
        assertTrue(dead.value().contains(invalid));
        await().atMost(WAIT).until(() -> processedRows(valid) == 1);
        assertEquals(2, probes.attemptsOf(valid));
        assertFalse(dead.value().contains(valid));
    }

    private static void send(String key, String value) {
        TestKafka.produce(RetryProbeConsumer.TOPIC, key, value);
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String key) {
        await().atMost(WAIT).until(() -> !TestKafka.withKey(deadLetters, key).isEmpty());
        List<ConsumerRecord<String, String>> records = TestKafka.withKey(deadLetters, key);
        assertEquals(1, records.size(), "dead letters with key " + key);
        return records.get(0);
    }

    private static long processedRows(String probeId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ProcessedEvent.count("consumer = ?1 and eventId = ?2", RetryProbeConsumer.CONSUMER, probeId));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
