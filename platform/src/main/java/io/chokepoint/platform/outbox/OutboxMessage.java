package io.chokepoint.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.jpa.HibernateHints;

import java.time.Instant;
import java.util.List;

/**
 * A Kafka record written in the transaction of the change it announces, kept until the broker acknowledged it
 * (then for {@code chokepoint.outbox.retention}). Everything the record carries is fixed here, at write time, so
 * that a re-send is the same record: topic, key, payload, the CloudEvents id, type, subject and time, and the trace
 * it continues.
 * <p>
 * The table belongs to each service's own Flyway migrations; its shape is described in the platform README.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    /** The JSON value as serialized when written; null for a tombstone. */
    public String payload;

    /** The CloudEvents id ({@code ce_id}), the same on every send so that consumers can drop a repeat. */
    @Column(name = "ce_id", nullable = false)
    public String ceId;

    /** The CloudEvents type ({@code ce_type}). */
    @Column(name = "ce_type", nullable = false)
    public String ceType;

    /** The CloudEvents subject ({@code ce_subject}); none when null. */
    @Column(name = "ce_subject")
    public String ceSubject;

    /** When the message was written; sent as the CloudEvents time ({@code ce_time}). */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the broker acknowledged it; null while it is pending. */
    @Column(name = "sent_at")
    public Instant sentAt;

    /** How many times it was handed to the broker. */
    @Column(nullable = false)
    public int attempts;

    /** Why the latest send failed, if it did. */
    @Column(name = "last_error")
    public String lastError;

    /**
     * The W3C {@code traceparent} of the span that wrote the message (the REST call, the Kafka record being handled):
     * the record's producer span is its child. Null when it was written outside any span.
     */
    @Column(name = "trace_parent")
    public String traceParent;

    /** The W3C {@code tracestate} that went with {@link #traceParent}; null when there was none. */
    @Column(name = "trace_state")
    public String traceState;

    /**
     * The oldest pending messages, in the order they were written, in one query. Read only: the relay records what
     * became of them with set-based updates ({@link OutboxMarks}), so the session neither snapshots nor
     * dirty-checks them.
     */
    static List<OutboxMessage> oldestPending(int limit) {
        return find("sentAt is null order by id").withHint(HibernateHints.HINT_READ_ONLY, true).page(0, limit).list();
    }

    /** How many messages wait to be sent (by the partial index on unsent ids). */
    static long countPending() {
        return count("sentAt is null");
    }

    /** Forgets messages sent before the given instant; answers how many. */
    static long purgeSentBefore(Instant cutoff) {
        return delete("sentAt < ?1", cutoff);
    }
}
