package io.chokepoint.alerting.subscriptions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A team's subscription to some alerts; deleting only marks it, so that its deliveries stay on record. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;

    public String team;

    /** A checked {@link SubscriptionFilter} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String filter;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel_type")
    public ChannelType channelType;

    public String url;

    /** Signs webhook bodies; kept as given because the signature needs it. */
    public String secret;

    /** JSON array of the {@link WebhookEvent} codes a WEBHOOK receives; null for a STREAM. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String events;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "deleted_by")
    public String deletedBy;

    /** A subscription not deleted, by id. */
    public static Optional<Subscription> findLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResultOptional();
    }

    /** A team's subscriptions not deleted, oldest first. */
    public static List<Subscription> live(String team) {
        return list("deletedAt is null and team = ?1", Sort.by("createdAt").and("id"), team);
    }

    public static List<Subscription> liveWebhooks() {
        return list("deletedAt is null and channelType = ?1", ChannelType.WEBHOOK);
    }
}
