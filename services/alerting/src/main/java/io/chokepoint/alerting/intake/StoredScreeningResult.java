package io.chokepoint.alerting.intake;

import io.chokepoint.platform.persistence.AnyOf;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A screening result as received; kept so that its assessment may arrive after it. */
@Entity
@Table(name = StoredScreeningResult.TABLE)
public class StoredScreeningResult extends PanacheEntityBase {

    static final String TABLE = "screening_result";

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "shipment_id")
    public String shipmentId;

    public int revision;

    @Column(name = "list_version")
    public String listVersion;

    public boolean late;

    @Column(name = "screened_at")
    public Instant screenedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** The {@code screening.results} event as received. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    /**
     * The stored results of these revisions, by shipment and revision, each revision's oldest screening first, so
     * that newer evidence is folded in last: one query for a batch.
     */
    @SuppressWarnings("unchecked")
    static Map<StoredAssessment.Key, List<StoredScreeningResult>> byRevision(Collection<StoredAssessment.Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<StoredScreeningResult> rows = Revisions.query("t.*", TABLE,
                " order by t.screened_at, t.received_at, t.event_id", StoredScreeningResult.class, keys)
                .getResultList();
        Map<StoredAssessment.Key, List<StoredScreeningResult>> stored = new HashMap<>();
        rows.forEach(result -> stored.computeIfAbsent(new StoredAssessment.Key(result.shipmentId, result.revision),
                key -> new ArrayList<>()).add(result));
        return stored;
    }

    /** Which of these results are stored already, read by id alone: one query for a batch. */
    static Set<String> storedAmong(Collection<String> eventIds) {
        return new HashSet<>(AnyOf.<String>values("select event_id from " + TABLE
                + " where event_id = any(cast(?1 as text[]))", eventIds));
    }
}
