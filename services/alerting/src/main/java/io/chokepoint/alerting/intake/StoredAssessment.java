package io.chokepoint.alerting.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** One assessment revision of a shipment, kept whole so that its goods can be read when a result arrives. */
@Entity
@Table(name = StoredAssessment.TABLE)
@IdClass(StoredAssessment.Key.class)
public class StoredAssessment extends PanacheEntityBase {

    static final String TABLE = "shipment_assessment";

    @Id
    @Column(name = "shipment_id")
    public String shipmentId;

    @Id
    public int revision;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "declaration_id")
    public String declarationId;

    @Column(name = "reporting_agency")
    public String reportingAgency;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** The {@code shipments.assessed} event as received. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    /** Which of these revisions are stored already, read by key alone: one query for a batch. */
    @SuppressWarnings("unchecked")
    static Set<Key> storedAmong(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<Object[]> rows = Revisions.query("t.shipment_id, t.revision", TABLE, "", null, keys).getResultList();
        Set<Key> stored = new HashSet<>();
        rows.forEach(row -> stored.add(new Key((String) row[0], ((Number) row[1]).intValue())));
        return stored;
    }

    /** These revisions, those stored, by shipment and revision: one query for a batch. */
    @SuppressWarnings("unchecked")
    static Map<Key, StoredAssessment> ofRevisions(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<StoredAssessment> rows = Revisions.query("t.*", TABLE, "", StoredAssessment.class, keys)
                .getResultList();
        Map<Key, StoredAssessment> stored = new HashMap<>();
        rows.forEach(assessment -> stored.put(assessment.key(), assessment));
        return stored;
    }

    Key key() {
        return new Key(shipmentId, revision);
    }

    public static Optional<StoredAssessment> findRevision(String shipmentId, int revision) {
        return findByIdOptional(new Key(shipmentId, revision));
    }

    /** Composite primary key (shipment_id, revision). */
    public static class Key implements Serializable {
        public String shipmentId;
        public int revision;

        public Key() {
        }

        public Key(String shipmentId, int revision) {
            this.shipmentId = shipmentId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && shipmentId.equals(key.shipmentId) && revision == key.revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(shipmentId, revision);
        }
    }
}
