package io.chokepoint.local.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.local.eval.EvaluationCase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Produces each event to the inbound topic as a partner's system would: key the declaration id, value the event's
 * JSON. The record's timestamp is the send time the run holds the alert against.
 */
final class KafkaShipmentSink implements ShipmentSink {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A little batching, as any producer under load would use; acknowledged by every in-sync replica. */
    private static final int LINGER_MS = 5;

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final SentShipments sent;
    private volatile Exception lastFailure;

    KafkaShipmentSink(String bootstrapServers, String topic, SentShipments sent) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, LINGER_MS),
                new StringSerializer(), new StringSerializer());
        this.topic = topic;
        this.sent = sent;
    }

    @Override
    public void send(List<EvaluationCase> events) throws IOException {
        long now = System.currentTimeMillis();
        sent.sending(events, now);
        for (EvaluationCase event : events) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, now, event.declarationId(),
                    JSON.writeValueAsString(event.event()));
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    sent.confirmed(1, System.currentTimeMillis());
                } else {
                    lastFailure = error;
                    sent.failed(event);
                }
            });
        }
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public Exception lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        producer.close();
    }
}
