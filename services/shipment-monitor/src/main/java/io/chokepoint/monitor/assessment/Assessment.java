package io.chokepoint.monitor.assessment;

import io.chokepoint.platform.persistence.AnyOf;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A stored assessment: the ShipmentAssessed event exactly as published. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    /** The assessment's eventId. */
    @Id
    public UUID id;

    @Column(name = "shipment_id", nullable = false)
    public UUID shipmentId;

    @Column(nullable = false)
    public int revision;

    @Column(name = "source_event_id", nullable = false, length = 64)
    public String sourceEventId;

    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;

    @Column(nullable = false)
    public boolean flagged;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    public static Optional<Assessment> latestOf(UUID shipmentId) {
        return find("shipmentId = ?1 order by revision desc", shipmentId).firstResultOptional();
    }

    /** The latest assessment of each of these shipments that has one. */
    static List<Assessment> latestOf(Collection<UUID> shipmentIds) {
        return AnyOf.rows(Assessment.class, "select distinct on (shipment_id) * from assessment"
                + " where shipment_id = any(cast(?1 as uuid[])) order by shipment_id, revision desc", shipmentIds);
    }
}
