package io.chokepoint.alerting.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * One request to move an alert and what came of it. Written once, never changed: Hibernate never updates it
 * ({@link Immutable}), and the table's trigger refuses UPDATE, DELETE and TRUNCATE from anyone.
 */
@Entity
@Immutable
@Table(name = "transition_audit")
public class TransitionAuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "requested_at")
    public Instant requestedAt;

    /** The caller's token principal (upn, else preferred_username, else sub), as the alert's history names it. */
    public String actor;

    /** The same principal, the authenticated subject; null in records made before callers were authenticated. */
    public String subject;

    /** As the path gave it. */
    @Column(name = "alert_id")
    public String alertId;

    /** As the body gave it; null when it named none or could not be read. */
    @Column(name = "requested_status")
    public String requestedStatus;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "if_match")
    public String ifMatch;

    @Column(name = "remote_address")
    public String remoteAddress;

    @Enumerated(EnumType.STRING)
    public TransitionOutcome outcome;

    @Column(name = "http_status")
    public int httpStatus;

    /** Where the alert stood before an applied move. */
    @Column(name = "from_status")
    public String fromStatus;

    /** Why it was refused, in the words of the answer. */
    public String message;
}
