package io.chokepoint.local.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code alerts.raised} into the tally on a thread of its own. Every partition is assigned and placed at its
 * end when the watcher is made, before any event is sent, so that every alert of the run is read and none before it.
 * Its group id is the run's own and it commits nothing: the suite's groups never see it.
 */
final class AlertWatcher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, String> consumer;
    private final AlertTally tally;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    AlertWatcher(String bootstrapServers, String topic, String groupId, AlertTally tally) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new StringDeserializer());
        this.tally = tally;
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("no topic " + topic + " on " + bootstrapServers);
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::watch, "alerts-watcher");
    }

    void start() {
        thread.start();
    }

    private void watch() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    tally.record(read(record.value()), record.timestamp(), System.currentTimeMillis());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException | IOException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    private static JsonNode read(String value) throws IOException {
        return value == null ? JSON.nullNode() : JSON.readTree(value);
    }

    /** Why the watcher stopped reading, or null while it reads. */
    Exception failure() {
        return failure;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join();
    }
}
