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
        EVIDENCE_UPDATED
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

    public static List<AlertEvent> historyOf(UUID alertId) {
        return list("alertId", Sort.by("id"), alertId);
    }
}
