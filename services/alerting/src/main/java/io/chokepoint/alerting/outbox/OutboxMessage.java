package io.chokepoint.alerting.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A Kafka record waiting to be sent, written in the transaction that decided to send it. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The CloudEvents id, fixed when the message is written so that a re-send carries the same one. */
    @Column(name = "ce_id")
    public UUID ceId;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /**
     * The oldest unsent messages, locked; other instances skip them rather than wait, so that two relays
     * never send the same message at the same time.
     */
    @SuppressWarnings("unchecked")
    static List<OutboxMessage> lockUnsent(String topic, int limit) {
        return getEntityManager()
                .createNativeQuery("""
                        SELECT * FROM outbox_message WHERE sent_at IS NULL AND topic = :topic
                        ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""", OutboxMessage.class)
                .setParameter("topic", topic)
                .setParameter("limit", limit)
                .getResultList();
    }
}
