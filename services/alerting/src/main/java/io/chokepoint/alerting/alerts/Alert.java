package io.chokepoint.alerting.alerts;

import io.chokepoint.alerting.rules.AlertType;
import io.chokepoint.alerting.rules.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A raised alert: one per (shipment, type, party role, sanctioned entity), kept up to date with new evidence. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "shipment_id")
    public String shipmentId;

    @Enumerated(EnumType.STRING)
    public AlertType type;

    @Column(name = "party_role")
    public String partyRole;

    @Column(name = "entity_id")
    public String entityId;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    public AlertStatus status;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean late;

    @Column(name = "declaration_id")
    public String declarationId;

    @Column(name = "reporting_agency")
    public String reportingAgency;

    @Column(name = "party_name")
    public String partyName;

    @Column(name = "party_country")
    public String partyCountry;

    @Column(name = "entity_source")
    public String entitySource;

    @Column(name = "entity_source_id")
    public String entitySourceId;

    @Column(name = "entity_name")
    public String entityName;

    /** JSON array of program codes. */
    @Column(name = "entity_programs")
    @JdbcTypeCode(SqlTypes.JSON)
    public String entityPrograms;

    @Column(name = "matched_name")
    public String matchedName;

    @Column(name = "match_explanation")
    public String matchExplanation;

    /** JSON array of the triggering goods lines, as in {@code shipments.assessed}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String goods;

    public double score;

    @Column(name = "list_version")
    public String listVersion;

    /** When the registry screened the evidence the alert currently holds. */
    @Column(name = "evidence_at")
    public Instant evidenceAt;

    public String explanation;

    /** Raised by every change; a change based on an older version is refused (see the lifecycle's If-Match). */
    @Version
    public long version;

    /** Position in the order raises committed: the Server-Sent Events id (see {@link AlertSequencer}). */
    public long sequence;

    /** The number of its latest change, in the same commit order: where the stream sends it (again). */
    @Column(name = "stream_position")
    public long streamPosition;

    /** The shipment's route when the alert was raised. */
    @Column(name = "origin_country")
    public String originCountry;

    @Column(name = "destination_country")
    public String destinationCountry;

    /** The officer working on it, if any. */
    public String assignee;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Column(name = "status_changed_by")
    public String statusChangedBy;

    /** Why it stands where it is: the dismissal reason code of a DISMISSED alert. */
    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "reason_text")
    public String reasonText;

    /** The alert of a finding, locked until the transaction ends so that an officer's change waits for it. */
    public static Optional<Alert> findByKey(String shipmentId, AlertType type, String partyRole, String entityId) {
        return find("shipmentId = ?1 and type = ?2 and partyRole = ?3 and entityId = ?4",
                shipmentId, type, partyRole, entityId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The alert, locked until the transaction ends: changes to one alert are made one after the other. */
    public static Optional<Alert> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
