package io.chokepoint.alerting.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
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
        if (!shipmentIds.isEmpty()) {
            StoredScreeningResult.<StoredScreeningResult>list("shipmentId in ?1", Sort.by("screenedAt")
                            .and("receivedAt").and("eventId"), shipmentIds)
                    .forEach(result -> stored.computeIfAbsent(new StoredAssessment.Key(result.shipmentId,
                            result.revision), key -> new ArrayList<>()).add(result));
        }
        return stored;
    }

    /** Which of these results are stored already: one query for a batch. */
    static Set<String> storedAmong(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(getEntityManager().createQuery("select r.eventId from StoredScreeningResult r"
                + " where r.eventId in :ids", String.class).setParameter("ids", eventIds).getResultList());
    }
}
