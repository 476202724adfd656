package io.chokepoint.platform.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * What a service asks the {@link Outbox} to publish.
 *
 * @param topic   the Kafka topic
 * @param key     the record key
 * @param payload the value, serialized with the application's ObjectMapper; null publishes a tombstone
 * @param id      the CloudEvents id; a new random UUID unless the service has its own (such as the event's id)
 * @param subject the CloudEvents subject, or null for none
 */
public record OutboundEvent(String topic, String key, Object payload, String id, String subject) {

    public OutboundEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
    }

    public static OutboundEvent of(String topic, String key, Object payload) {
        return new OutboundEvent(topic, key, payload, UUID.randomUUID().toString(), null);
    }

    public OutboundEvent withId(String newId) {
        return new OutboundEvent(topic, key, payload, newId, subject);
    }

    public OutboundEvent withSubject(String newSubject) {
        return new OutboundEvent(topic, key, payload, id, newSubject);
    }
}
