package io.chokepoint.registry.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An event committed with the change it reports and not yet acknowledged by Kafka. The payload is kept as
 * text, byte for byte as serialized; null is a tombstone.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String topic;
    @Column(name = "message_key")
    public String key;
    public String payload;
    /** Becomes the CloudEvents id, so that a re-sent event keeps its id and consumers can drop the copy. */
    @Column(name = "ce_id")
    public String ceId;
    @Column(name = "created_at")
    public Instant createdAt;
}
