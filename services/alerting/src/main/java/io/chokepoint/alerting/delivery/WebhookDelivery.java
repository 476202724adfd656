package io.chokepoint.alerting.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One alert owed to one webhook subscription. Its body is fixed when it is written, so that every attempt and
 * every resend sends the same bytes (and the receiver can drop a repeat by the delivery id in it).
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "alert_id")
    public UUID alertId;

    /**
     * The commit-order number of the change it carries (a raise's is the alert's sequence): a subscription's
     * deliveries go out in this order.
     */
    @Column(name = "alert_sequence")
    public long alertSequence;

    /** {@code alert.raised} or {@code alert.updated}, sent as {@code X-Chokepoint-Event}. */
    public String event;

    /** The JSON body, exactly as signed and sent. */
    public String body;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    /** Failed attempts since it was written or last resent; it is parked when they reach the limit. */
    public int failures;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** While in the future, one dispatcher is sending it and no other may. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "resent_at")
    public Instant resentAt;

    @Column(name = "resent_by")
    public String resentBy;
}
