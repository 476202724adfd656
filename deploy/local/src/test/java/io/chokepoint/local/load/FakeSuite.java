package io.chokepoint.local.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Stands for the suite: consumes the inbound topic in its own consumer group and, for each event, produces to the
 * alerts topic the alerts its rule gives (type and listed entry; declaration id taken from the event, unless the
 * rule names another), committing after each poll as the services do.
 */
final class FakeSuite implements AutoCloseable {

    /** One alert to raise for an event. */
    record Raise(String type, String sourceId, String declarationId) {

        static Raise of(String type, String sourceId) {
            return new Raise(type, sourceId, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer = InJvmKafka.producer();
    private final String alertsTopic;
    private final Function<JsonNode, List<Raise>> rule;
    private final Thread thread = new Thread(this::run, "fake-suite");
    private volatile boolean running = true;

    FakeSuite(String inboundTopic, String group, String alertsTopic, Function<JsonNode, List<Raise>> rule) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InJvmKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(inboundTopic));
        this.alertsTopic = alertsTopic;
        this.rule = rule;
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    raise(read(record.value()));
                }
                producer.flush();
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private void raise(JsonNode event) {
        for (Raise raise : rule.apply(event)) {
            String alertId = UUID.randomUUID().toString();
            Map<String, Object> alert = Map.of("alertId", alertId, "type", raise.type(),
                    "declarationId", raise.declarationId() == null ? event.path("declarationId").asText() : raise.declarationId(),
                    "entity", Map.of("sourceId", raise.sourceId()));
            try {
                producer.send(new ProducerRecord<>(alertsTopic, alertId, JSON.writeValueAsString(alert)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join();
        producer.close();
    }
}
