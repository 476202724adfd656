package io.chokepoint.registry.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;

/**
 * Queues events in the transaction of the change they report. Why an outbox: REST changes have no input that
 * Kafka would redeliver, so an event lost between the commit and the send could never be recovered; a row
 * committed with the change is relayed as soon as the transaction commits, and again by a sweep if needed.
 */
@ApplicationScoped
public class Outbox {

    private static final Object FLUSH_REGISTERED = new Object();

    @Inject
    ObjectMapper mapper;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxRelay relay;

    /**
     * @param payload a shared-model record, or null for a tombstone
     * @param ceId    the CloudEvents id of the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, String key, Object payload, String ceId) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic;
        message.key = key;
        message.payload = payload == null ? null : write(payload);
        message.ceId = ceId;
        message.createdAt = Instant.now();
        message.persist();
        relayAfterCommit();
    }

    private void relayAfterCommit() {
        if (transactions.getResource(FLUSH_REGISTERED) != null) {
            return;
        }
        transactions.putResource(FLUSH_REGISTERED, Boolean.TRUE);
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

    private String write(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + payload.getClass().getSimpleName(), e);
        }
    }
}
