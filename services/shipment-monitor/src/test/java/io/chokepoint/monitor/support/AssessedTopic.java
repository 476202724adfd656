package io.chokepoint.monitor.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.testing.KafkaBrokerResource;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** What the service published on {@code shipments.assessed}, read from the start of the topic by one consumer. */
public final class AssessedTopic {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static ConsumerTask<String, String> records;

    private AssessedTopic() {
    }

    private static synchronized ConsumerTask<String, String> records() {
        if (records == null) {
            KafkaCompanion companion = new KafkaCompanion(KafkaBrokerResource.bootstrapServers());
            records = companion.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics(Topics.SHIPMENTS_ASSESSED);
        }
        return records;
    }

    /** Every assessment published for the shipment, in the order they were received. */
    public static List<JsonNode> ofShipment(String shipmentId) {
        return records().getRecords().stream().filter(record -> shipmentId.equals(record.key()))
                .map(ConsumerRecord::value).map(AssessedTopic::read).toList();
    }

    /** Waits for the assessment the partner event led to. */
    public static JsonNode awaitFor(String sourceEventId) {
        await().atMost(PATIENCE).until(() -> find(sourceEventId) != null);
        return find(sourceEventId);
    }

    /** The assessments the partner event led to: none, or one (two only if a send was repeated). */
    public static List<JsonNode> publishedFor(String sourceEventId) {
        return records().getRecords().stream().map(ConsumerRecord::value).map(AssessedTopic::read)
                .filter(json -> sourceEventId.equals(json.path("sourceEventId").asText())).toList();
    }

    private static JsonNode find(String sourceEventId) {
        List<JsonNode> found = publishedFor(sourceEventId);
        return found.isEmpty() ? null : found.get(0);
    }

    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
