package io.chokepoint.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.testing.KafkaBrokerResource;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Produces to and reads from the test broker the way the other services do. */
public final class TestKafka {

    private static final KafkaCompanion COMPANION = new KafkaCompanion(KafkaBrokerResource.bootstrapServers());

    private TestKafka() {
    }

    public static void produce(String topic, String key, String value) {
        COMPANION.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, key, value))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    /**
     * Produces the records together: lingering until all are handed over, the producer writes them as one record
     * batch of their partition, which a consumer's poll then fetches whole.
     */
    public static void produceTogether(List<ProducerRecord<String, String>> records) {
        COMPANION.produceStrings()
                .withProp(ProducerConfig.LINGER_MS_CONFIG, "500")
                .withProp(ProducerConfig.BATCH_SIZE_CONFIG, "1048576")
                .fromRecords(records)
                .awaitCompletion(Duration.ofSeconds(30));
    }

    public static void produce(ObjectMapper mapper, String topic, String key, Object event) {
        try {
            produce(topic, key, mapper.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a topic from its beginning until stopped. */
    public static ConsumerTask<String, String> consume(String topic) {
        return COMPANION.consumeStrings()
                .withGroupId("alerting-test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topic);
    }

    public static List<ConsumerRecord<String, String>> withKey(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(record -> key.equals(record.key())).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
