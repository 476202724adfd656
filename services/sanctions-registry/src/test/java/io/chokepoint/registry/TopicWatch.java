package io.chokepoint.registry;

import io.chokepoint.testing.KafkaBrokerResource;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Reads a topic from its beginning for the length of a test, and finds the records of one key. */
public final class TopicWatch implements AutoCloseable {

    private static KafkaCompanion companion;
    private final ConsumerTask<String, String> task;

    private TopicWatch(String topic) {
        task = companion().consumeStrings()
                .withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topic);
    }

    public static TopicWatch of(String topic) {
        return new TopicWatch(topic);
    }

    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(KafkaBrokerResource.bootstrapServers());
        }
        return companion;
    }

    /** Records of the key, in topic order (one key is one partition). */
    public List<ConsumerRecord<String, String>> withKey(String key) {
        return task.getRecords().stream().filter(r -> Objects.equals(key, r.key())).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        task.stop();
    }
}
