package io.chokepoint.alerting.retry;

import io.chokepoint.alerting.TestKafka;
import io.chokepoint.platform.messaging.ProcessedEvent;
import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the real broker and database, the platform's batch consumer: the records of one poll commit together, a poison
 * record among them is dead-lettered alone while the others commit, a batch delivered again changes nothing, and
 * the records of one key are handled in the order sent.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class BatchConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ConsumerTask<String, String> deadLetters;

    @Inject
    RetryProbeConsumer probes;
    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void listen() {
        deadLetters = TestKafka.consume(RetryProbeConsumer.TOPIC + ".dlq");
    }

    @AfterAll
    static void stopListening() {
        deadLetters.close();
    }

    @Test
    void aPoisonRecordIsDeadLetteredAloneAndTheRestOfItsBatchCommits() {
        String key = newId();
        List<String> ids = ids(20);
        String poison = ids.get(6);
        sendTogether(key, ids, Map.of(poison, "\"poison\": true"));

        await().atMost(WAIT).until(() -> ids.stream().filter(id -> !id.equals(poison)).allMatch(id -> processed(id) == 1));
        ConsumerRecord<String, String> dead = onlyDeadLetter(key);
        assertTrue(dead.value().contains(poison), dead.value());
        assertTrue(TestKafka.header(dead, "dead-letter-reason") != null);
        assertEquals(0, processed(poison));
        assertEquals(0, effects(poison), "every attempt at the poison record was rolled back");
        ids.stream().filter(id -> !id.equals(poison))
                .forEach(id -> assertEquals(1, effects(id), "one effect of " + id + ", its failed attempts undone"));
        assertTrue(largestCommittedBatch(ids) > 1, "the records were handled in batches, not one by one");
    }

    @Test
    void aBatchDeliveredAgainChangesNothing() {
        String key = newId();
        List<String> ids = ids(10);
        sendTogether(key, ids, Map.of());
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> processed(id) == 1));
        Map<String, Integer> attemptsBefore = ids.stream().collect(Collectors.toMap(Function.identity(),
                probes::attemptsOf));

        sendTogether(key, ids, Map.of());
        String marker = newId();
        sendTogether(key, List.of(marker), Map.of());
        await().atMost(WAIT).until(() -> processed(marker) == 1);

        for (String id : ids) {
            assertEquals(attemptsBefore.get(id), probes.attemptsOf(id), "the handler never saw " + id + " again");
            assertEquals(1, processed(id));
            assertEquals(1, effects(id));
        }
        assertTrue(TestKafka.withKey(deadLetters, key).isEmpty());
    }

    @Test
    void theSameEventTwiceInOneBatchHasOneEffect() {
        String key = newId();
        String id = newId();
        String marker = newId();
        List<ProducerRecord<String, String>> records = List.of(record(key, id, 1, ""), record(key, id, 1, ""),
                record(key, marker, 2, ""));
        TestKafka.produceTogether(records);

        await().atMost(WAIT).until(() -> processed(marker) == 1);
        assertEquals(1, processed(id));
        assertEquals(1, effects(id));
        assertEquals(1, probes.attemptsOf(id));
    }

    @Test
    void theRecordsOfOneKeyAreHandledInTheOrderSentThroughFailuresAndDeadLetters() {
        String key = newId();
        List<String> ids = ids(30);
        String poison = ids.get(9);
        String flaky = ids.get(19);
        sendTogether(key, ids, Map.of(poison, "\"poison\": true", flaky, "\"transientFailures\": 2"));

        List<String> expected = ids.stream().filter(id -> !id.equals(poison)).toList();
        await().atMost(WAIT).until(() -> expected.stream().allMatch(id -> processed(id) == 1));
        Set<String> ours = Set.copyOf(ids);
        List<String> handled = probes.committedBatches().stream().flatMap(List::stream).filter(ours::contains)
                .toList();
        assertEquals(expected, handled);
        assertEquals(poison, onlyDeadLetter(key).value().replaceAll(".*\"id\": \"([^\"]+)\".*", "$1"));
    }

    private static void sendTogether(String key, List<String> ids, Map<String, String> extras) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            records.add(record(key, ids.get(i), i + 1, extras.getOrDefault(ids.get(i), "")));
        }
        TestKafka.produceTogether(records);
    }

    private static ProducerRecord<String, String> record(String key, String id, int seq, String extra) {
        String json = "{\"id\": \"%s\", \"seq\": %d, \"valid\": true%s}".formatted(id, seq,
                extra.isEmpty() ? "" : ", " + extra);
        return new ProducerRecord<>(RetryProbeConsumer.TOPIC, key, json);
    }

    private static ConsumerRecord<String, String> onlyDeadLetter(String key) {
        await().atMost(WAIT).until(() -> !TestKafka.withKey(deadLetters, key).isEmpty());
        List<ConsumerRecord<String, String>> records = TestKafka.withKey(deadLetters, key);
        assertEquals(1, records.size(), "dead letters with key " + key);
        return records.get(0);
    }

    private int largestCommittedBatch(List<String> ids) {
        Set<String> ours = Set.copyOf(ids);
        return probes.committedBatches().stream()
                .mapToInt(batch -> (int) batch.stream().filter(ours::contains).count()).max().orElse(0);
    }

    private static long processed(String probeId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ProcessedEvent.count("consumer = ?1 and eventId = ?2", RetryProbeConsumer.CONSUMER, probeId));
    }

    private long effects(String probeId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from retry_probe_effect where probe_id = :id")
                .setParameter("id", probeId).getSingleResult()).longValue());
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(newId());
        }
        return ids;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
