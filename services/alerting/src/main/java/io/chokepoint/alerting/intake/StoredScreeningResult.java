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
@Table(name = "screening_result")
public class StoredScreeningResult extends PanacheEntityBase {

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
     * The stored results of these shipments, by shipment and revision, each revision's oldest screening first, so
     * that newer evidence is folded in last: one query for a batch.
     */
    static Map<StoredAssessment.Key, List<StoredScreeningResult>> byRevision(Collection<String> shipmentIds) {
        Map<StoredAssessment.Key, List<StoredScreeningResult>> stored = new HashMap<>();
        AnyOf.rows(StoredScreeningResult.class, "select * from screening_result"
                        + " where shipment_id = any(cast(?1 as text[])) order by screened_at, received_at, event_id",
                        shipmentIds)
                .forEach(result -> stored.computeIfAbsent(new StoredAssessment.Key(result.shipmentId,
                        result.revision), key -> new ArrayList<>()).add(result));
        return stored;
    }

    /** Which of these results are stored already: one query for a batch. */
    static Set<String> storedAmong(Collection<String> eventIds) {
        Set<String> stored = new HashSet<>();
        AnyOf.rows(StoredScreeningResult.class, "select * from screening_result"
                + " where event_id = any(cast(?1 as text[]))", eventIds).forEach(result -> stored.add(result.eventId));
        return stored;
    }
}
