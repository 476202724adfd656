package io.chokepoint.local.load;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lag of consumer groups on a real broker, before and after they consume. */
class PipelineLagTest {

    private static final int RECORDS = 10;

    @Test
    void aGroupIsBehindByWhatItHasNotCommittedAndCaughtUpOnceItHas() throws Exception {
        String topic = InJvmKafka.newTopic("lagged");
        String group = "group-" + topic;
        try (KafkaProducer<String, String> producer = InJvmKafka.producer()) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "record " + i)).get();
            }
        }
        List<TopicPartition> partitions = IntStream.range(0, InJvmKafka.PARTITIONS)
                .mapToObj(p -> new TopicPartition(topic, p)).toList();
        try (KafkaConsumer<String, String> consumer = consumer(group);
             PipelineLag lag = new PipelineLag(InJvmKafka.bootstrapServers(), List.of(group, "never-consumed-" + topic))) {
            consumer.assign(partitions);
            consumer.commitSync(partitions.stream().collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0))));
            assertEquals(RECORDS, lag.total(), "nothing consumed: the group is behind by every record");
            assertEquals(0, lag.byGroup().get("never-consumed-" + topic), "a group that consumes nothing lags nothing");

            AtomicInteger read = new AtomicInteger();
            await().atMost(Duration.ofSeconds(30)).until(() -> read.addAndGet(consumer.poll(Duration.ofMillis(100)).count()) == RECORDS);
            consumer.commitSync();
            await().atMost(Duration.ofSeconds(30)).until(() -> lag.total() == 0);
            assertEquals(Map.of(group, 0L, "never-consumed-" + topic, 0L), lag.byGroup());
        }
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InJvmKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}
