package io.chokepoint.monitor.shipment;

import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.model.shipment.ShipmentEventType;
import io.chokepoint.platform.persistence.AnyOf;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A shipment as the partners' events describe it: one per declarationId. */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "declaration_id", nullable = false)
    public String declarationId;

    /**
     * The agency that owns the shipment ({@link ShipmentOwner}): the one that declared it, or until a declaration
     * arrives the one whose event opened it. Each event keeps its own agency too.
     */
    @Column(name = "reporting_agency", nullable = false)
    public String reportingAgency;

    /**
     * The type of the latest event by occurrence, so a late DEPARTED does not undo an ARRIVED; CANCELLED once any
     * event cancelled the shipment.
     */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShipmentEventType status;

    @Column(name = "status_at", nullable = false)
    public Instant statusAt;

    /** When the shipment was cancelled (by occurrence); null while it is not. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** The merged state of all events ({@link ShipmentState}), as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "state")
    public String state;

    /** Whether the latest assessment recognised controlled or watched goods, a mis-declaration or a risk. */
    @Column(nullable = false)
    public boolean flagged;

    @Column(name = "last_revision", nullable = false)
    public int lastRevision;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static Shipment open(ShipmentEvent event, Instant now) {
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.declarationId = event.declarationId();
        shipment.reportingAgency = event.reportingAgency();
        shipment.status = event.eventType();
        shipment.statusAt = event.occurredAt();
        shipment.createdAt = now;
        shipment.updatedAt = now;
        return shipment;
    }

    /**
     * Finds the stored shipments of these declarations and locks them until commit, in the order of their
     * declarationIds: their events are merged one at a time, with distinct revisions.
     */
    static List<Shipment> lockAll(Collection<String> declarationIds) {
        return AnyOf.rows(Shipment.class, "select * from shipment where declaration_id = any(cast(?1 as text[]))"
                + " order by declaration_id for update", declarationIds);
    }

    boolean isCancelled() {
        return cancelledAt != null;
    }

    /** Takes the merged state and status of all events, and the latest assessment's verdict. */
    void apply(EventMerge.Merged merged, String stateJson, boolean assessedFlagged, int revision, Instant now) {
        status = merged.status();
        statusAt = merged.statusAt();
        cancelledAt = merged.cancelledAt();
        state = stateJson;
        flagged = assessedFlagged;
        lastRevision = revision;
        updatedAt = now;
    }
}
