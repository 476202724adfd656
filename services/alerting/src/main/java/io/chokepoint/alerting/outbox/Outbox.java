package io.chokepoint.alerting.outbox;

import io.chokepoint.alerting.support.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Where the service writes what it must publish. The message is committed with the change it announces and
 * sent later by {@link OutboxRelay}: a stop between commit and send delays the record, never loses it.
 */
@ApplicationScoped
public class Outbox {

    private final JsonCodec json;

    public Outbox(JsonCodec json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, String key, Object payload) {
        OutboxMessage message = new OutboxMessage();
        message.ceId = UUID.randomUUID();
        message.topic = topic;
        message.messageKey = key;
        message.payload = json.write(payload);
        message.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        message.persist();
    }
}
