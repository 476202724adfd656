package io.chokepoint.registry.shipments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An event a consumer has processed, written in the transaction of its effect. */
@Entity
@Table(name = "processed_event")
@IdClass(ProcessedEvent.Key.class)
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    public String consumer;
    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "processed_at")
    public Instant processedAt;

    static boolean seen(String consumer, String eventId) {
        return findById(new Key(consumer, eventId)) != null;
    }

    static void record(String consumer, String eventId, Instant at) {
        ProcessedEvent event = new ProcessedEvent();
        event.consumer = consumer;
        event.eventId = eventId;
        event.processedAt = at;
        event.persist();
    }

    /** Composite primary key. */
    public static class Key implements Serializable {
        public String consumer;
        public String eventId;

        public Key() {
        }

        Key(String consumer, String eventId) {
            this.consumer = consumer;
            this.eventId = eventId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(consumer, k.consumer) && Objects.equals(eventId, k.eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumer, eventId);
        }
    }
}
