package io.chokepoint.alerting.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of an alert's history: what changed, when, and which screening result brought it. */
@Entity
@Table(name = "alert_event")
public class AlertEvent extends PanacheEntityBase {

    public enum Kind {
        RAISED,
        EVIDENCE_UPDATED,
        /** An officer moved the alert from one status to another. */
        STATUS_CHANGED,
        /** An officer (re)assigned it. */
        ASSIGNED,
        NOTE_ADDED,
        /** Its party name was published as a false positive for its entity. */
        SUPPRESSED,
        SUPPRESSION_LIFTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "alert_id")
    public UUID alertId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String summary;

    /** JSON object: field name to {"from", "to"}; null when nothing was compared (RAISED). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String changes;

    @Column(name = "screening_event_id")
    public String screeningEventId;

    /** Who did it; null for what the service did on its own (raising, new evidence). */
    public String actor;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "reason_text")
    public String reasonText;

    public String note;

    /** The assignee after the change, when it set one. */
    public String assignee;

    public static AlertEvent of(UUID alertId, Kind kind, Instant at, String summary, String changes,
                                String screeningEventId) {
        AlertEvent event = new AlertEvent();
        event.alertId = alertId;
        event.kind = kind;
        event.occurredAt = at;
        event.summary = summary;
        event.changes = changes;
        event.screeningEventId = screeningEventId;
        return event;
    }

    /** An entry of an officer's work on the alert; the caller fills in what applies. */
    public static AlertEvent byActor(UUID alertId, Kind kind, Instant at, String actor, String summary) {
        AlertEvent event = of(alertId, kind, at, summary, null, null);
        event.actor = actor;
        return event;
    }

    public static List<AlertEvent> historyOf(UUID alertId) {
        return list("alertId", Sort.by("id"), alertId);
    }
}
