package io.chokepoint.local.load;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A real Kafka broker (KRaft) inside the test JVM, shared by the test classes of a run and stopped with the JVM. */
final class InJvmKafka {

    static final int PARTITIONS = 3;

    private static EmbeddedKafkaBroker broker;

    private InJvmKafka() {
    }

    static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaBroker()
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(props -> {
                        props.put("auto.create.topics.enable", "false");
                        props.put("offsets.topic.replication.factor", "1");
                        props.put("group.initial.rebalance.delay.ms", "0");
                    })
                    .start();
            EmbeddedKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-broker-stop"));
        }
        return broker.getAdvertisedListeners();
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** A topic of a name no other test uses. */
    static String newTopic(String prefix) throws ExecutionException, InterruptedException {
        String name = prefix + "-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(Set.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get();
        }
        return name;
    }

    static long recordCount(String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(topic, p))
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }
}
