package io.chokepoint.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where a service writes what it must publish. Why an outbox: a REST change has no input that Kafka would
 * redeliver, and a consumer's input is committed before its output is sent; in both cases only a row committed
 * with the change remembers that an event is still owed. A stop between the commit and the send delays the
 * event, never loses it.
 * <p>
 * The message is relayed as soon as the writer's transaction commits: by this instance right after the commit, and
 * by every instance on the PostgreSQL notification the transaction sends ({@link RelayChannel}), by the relay's
 * sweep if both fail.
 * Messages go out in the order they were written, {@link #enqueue(OutboundEvent)} and {@link #enqueueAll(List)}
 * alike. Each keeps the trace context of the span that wrote it, so that its record continues that trace.
 */
@ApplicationScoped
public class Outbox {

    /** Marks a transaction whose commit already triggers a relay, so that many writes trigger one. */
    private static final Object RELAY_REGISTERED = new Object();
    /** The transaction's messages that {@link #holding(Runnable)} writes at the end of its work. */
    private static final Object HELD = new Object();

    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final EntityManager entityManager;
    /** Where the commit is announced to the other instances' relays; null when notifications are off. */
    private final RelayChannel channel;

    public Outbox(ObjectMapper mapper, OutboxConfig config, TransactionSynchronizationRegistry transactions,
                  OutboxRelay relay, EntityManager entityManager) {
        this.mapper = mapper;
        this.config = config;
        this.transactions = transactions;
        this.relay = relay;
        this.entityManager = entityManager;
        this.channel = config.notifications().enabled() ? new RelayChannel(config.notifications().channel()) : null;
    }

    /** Publishes the payload with a new CloudEvents id and no subject. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, String key, Object payload) {
        enqueue(OutboundEvent.of(topic, key, payload));
    }

    /**
     * The message's row is inserted at once (its id is an identity), so that a later {@link #enqueueAll(List)} of
     * the same transaction numbers its rows after it; inside {@link #holding(Runnable)}, with the others it holds.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(OutboundEvent event) {
        OutboxMessage message = toMessage(event, typeOf(config.cloudEventsType(), event.topic()),
                write(event.payload()), now(), TraceContext.current());
        List<OutboxMessage> held = held();
        if (held != null) {
            held.add(message);
        } else {
            message.persist();
        }
        relayAfterCommit();
    }

    /**
     * Runs the work holding every message it enqueues, then writes them in the order enqueued as JDBC batches (see
     * {@link OutboxInserts}): one round trip for a batch's messages instead of one each. Each message keeps the trace
     * context it was enqueued in. Nothing is written if the work fails; the transaction is rolled back then anyway.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holding(Runnable work) {
        holding(() -> {
            work.run();
            return null;
        });
    }

    /** {@link #holding(Runnable)} for work with a result. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T holding(Supplier<T> work) {
        Held held = (Held) transactions.getResource(HELD);
        if (held == null) {
            held = new Held();
            transactions.putResource(HELD, held);
        }
        if (held.messages != null) {
            return work.get();
        }
        List<OutboxMessage> messages = new ArrayList<>();
        held.messages = messages;
        T result;
        try {
            result = work.get();
        } finally {
            held.messages = null;
        }
        insertAll(messages);
        return result;
    }

    /**
     * Publishes many events, in list order, with the guarantees of {@link #enqueue(OutboundEvent)}: in the caller's
     * transaction, committed with the change or not at all, relayed after commit in this order after what the
     * transaction enqueued before. The rows are written as JDBC batches of {@code chokepoint.outbox.insert-batch-size}
     * instead of one insert each (see {@link OutboxInserts}); all share one {@code ce_time}. Every event is
     * checked and serialized before the first row is written: a topic without a CloudEvents type refuses them all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueAll(List<OutboundEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<OutboxMessage> messages = toMessages(events, config.cloudEventsType(), this::write, now(),
                TraceContext.current());
        List<OutboxMessage> held = held();
        if (held != null) {
            held.addAll(messages);
        } else {
            insertAll(messages);
        }
        relayAfterCommit();
    }

    static List<OutboxMessage> toMessages(List<OutboundEvent> events, Map<String, String> types,
                                          Function<Object, String> writer, Instant now, TraceContext trace) {
        List<OutboxMessage> messages = new ArrayList<>(events.size());
        for (OutboundEvent event : events) {
            messages.add(toMessage(event, typeOf(types, event.topic()), writer.apply(event.payload()), now, trace));
        }
        return messages;
    }

    static OutboxMessage toMessage(OutboundEvent event, String ceType, String payload, Instant now,
                                   TraceContext trace) {
        OutboxMessage message = new OutboxMessage();
        message.topic = event.topic();
        message.messageKey = event.key();
        message.payload = payload;
        message.ceId = event.id();
        message.ceType = ceType;
        message.ceSubject = event.subject();
        message.createdAt = now;
        message.traceParent = trace.parent();
        message.traceState = trace.state();
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

    /** Writes the messages as JDBC batches on the transaction's connection. */
    private void insertAll(List<OutboxMessage> messages) {
        if (!messages.isEmpty()) {
            entityManager.unwrap(Session.class)
                    .doWork(connection -> OutboxInserts.insertAll(connection, messages, config.insertBatchSize()));
        }
    }

    /** The messages {@link #holding(Runnable)} holds in this transaction; null when none does. */
    private List<OutboxMessage> held() {
        Held held = (Held) transactions.getResource(HELD);
        return held == null ? null : held.messages;
    }

    /** A transaction's held messages, null outside {@link #holding(Runnable)}. */
    private static final class Held {

        private List<OutboxMessage> messages;
    }

    /**
     * Once per transaction: this instance relays right after the commit, and the other instances' relays are told
     * by a notification that PostgreSQL delivers with the commit.
     */
    private void relayAfterCommit() {
        if (transactions.getResource(RELAY_REGISTERED) != null) {
            return;
        }
        transactions.putResource(RELAY_REGISTERED, Boolean.TRUE);
        if (channel != null) {
            entityManager.unwrap(Session.class).doWork(channel::announce);
        }
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
