package io.chokepoint.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

import java.util.Map;

/**
 * Starts a real Kafka broker (KRaft, in this JVM) for {@code @QuarkusTest} classes, so that tests need no
 * container engine. One broker serves every test class of a test run; it stops with the JVM.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;

    /** Bootstrap servers of the running broker, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaBroker()
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(props -> {
                        props.put("auto.create.topics.enable", "true");
                        props.put("num.partitions", "3");
                        props.put("offsets.topic.replication.factor", "1");
                        props.put("group.initial.rebalance.delay.ms", "0");
                    })
                    .start();
            EmbeddedKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-broker-stop"));
        }
        return broker.getAdvertisedListeners();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives a single test class: it is shared by the whole run and stopped at JVM exit.
    }
}
