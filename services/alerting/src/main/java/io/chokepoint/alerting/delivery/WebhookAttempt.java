package io.chokepoint.alerting.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** One attempt to send a delivery, kept for the record whatever its outcome. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    /** 1 for the first attempt of the delivery, counting across resends. */
    public int attempt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "duration_ms")
    public long durationMs;

    /** The receiver's HTTP status; null when it could not be reached or did not answer in time. */
    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    /** DELIVERED or FAILED. */
    public String outcome;

    static List<WebhookAttempt> of(Collection<UUID> deliveryIds) {
        return deliveryIds.isEmpty() ? List.of()
                : list("deliveryId in ?1", Sort.by("deliveryId").and("attempt"), deliveryIds);
    }

    static int countFor(UUID deliveryId) {
        return (int) count("deliveryId", deliveryId);
    }
}
