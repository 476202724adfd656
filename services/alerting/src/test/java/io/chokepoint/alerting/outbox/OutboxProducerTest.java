package io.chokepoint.alerting.outbox;

import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox channel's producer as the connector built it: the platform's settings reach it without a line of the
 * service's own configuration.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OutboxProducerTest {

    @Inject
    KafkaClientService kafka;

    @Test
    void theProducerIsSafeAndBatchesByDefault() {
        Map<String, ?> producer = kafka.getProducer("outbox").configuration();

        assertEquals("all", String.valueOf(producer.get("acks")));
        assertEquals("true", String.valueOf(producer.get("enable.idempotence")));
        assertEquals("5", String.valueOf(producer.get("linger.ms")));
        assertEquals("65536", String.valueOf(producer.get("batch.size")));
        assertEquals("lz4", String.valueOf(producer.get("compression.type")));
    }
}
