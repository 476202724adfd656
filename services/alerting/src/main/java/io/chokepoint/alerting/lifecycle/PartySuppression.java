package io.chokepoint.alerting.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A false-positive suppression published for one alert's party name and entity; lifting keeps the row. */
@Entity
@Table(name = "party_suppression")
public class PartySuppression extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "alert_id")
    public UUID alertId;

    @Column(name = "entity_id")
    public String entityId;

    @Column(name = "party_name")
    public String partyName;

    @Column(name = "normalized_name")
    public String normalizedName;

    @Column(name = "reason_text")
    public String reasonText;

    public boolean active;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "lifted_by")
    public String liftedBy;

    @Column(name = "lifted_at")
    public Instant liftedAt;

    @Column(name = "lift_reason")
    public String liftReason;

    public String key() {
        return PartyNames.suppressionKey(entityId, normalizedName);
    }

    static Optional<PartySuppression> standingFor(UUID alertId) {
        return find("alertId = ?1 and active = true", alertId).firstResultOptional();
    }

    /** The most recent suppression still standing on a key, if any. */
    static Optional<PartySuppression> latestStanding(String entityId, String normalizedName) {
        return find("entityId = ?1 and normalizedName = ?2 and active = true order by createdAt desc, id",
                entityId, normalizedName).firstResultOptional();
    }
}
