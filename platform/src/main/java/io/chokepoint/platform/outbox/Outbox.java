package io.chokepoint.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Where a service writes what it must publish. Why an outbox: a REST change has no input that Kafka would
 * redeliver, and a consumer's input is committed before its output is sent; in both cases only a row committed
 * with the change remembers that an event is still owed. A stop between the commit and the send delays the
 * event, never loses it.
 * <p>
 * The message is relayed as soon as the writer's transaction commits, and by the relay's sweep if that fails.
 */
@ApplicationScoped
public class Outbox {

    /** Marks a transaction whose commit already triggers a relay, so that many writes trigger one. */
    private static final Object RELAY_REGISTERED = new Object();

    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(ObjectMapper mapper, OutboxConfig config, TransactionSynchronizationRegistry transactions,
                  OutboxRelay relay) {
        this.mapper = mapper;
        this.config = config;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Publishes the payload with a new CloudEvents id and no subject. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, String key, Object payload) {
        enqueue(OutboundEvent.of(topic, key, payload));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(OutboundEvent event) {
        toMessage(event, typeOf(config.cloudEventsType(), event.topic()), write(event.payload()), now()).persist();
        relayAfterCommit();
    }

    static OutboxMessage toMessage(OutboundEvent event, String ceType, String payload, Instant now) {
        OutboxMessage message = new OutboxMessage();
        message.topic = event.topic();
        message.messageKey = event.key();
        message.payload = payload;
        message.ceId = event.id();
        message.ceType = ceType;
        message.ceSubject = event.subject();
        message.createdAt = now;
        return message;
    }

    static String typeOf(Map<String, String> types, String topic) {
        String type = types.get(topic);
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("No CloudEvents type for topic " + topic
                    + ": set chokepoint.outbox.cloud-events-type.\"" + topic + "\"");
        }
        return type;
    }

    private String write(Object payload) {
        if (payload == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + payload.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private void relayAfterCommit() {
        if (transactions.getResource(RELAY_REGISTERED) != null) {
            return;
        }
        transactions.putResource(RELAY_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.requestFlush();
                }
            }
        });
    }

    /** Truncated to what PostgreSQL keeps, so that the time sent is the time stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
