package io.chokepoint.monitor.shipment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A catalog item code found in the shipment's latest assessment, for the {@code substance} filter. */
@Entity
@Table(name = "shipment_substance")
@IdClass(ShipmentKeyTerm.class)
public class ShipmentSubstance extends PanacheEntityBase {

    @Id
    @Column(name = "shipment_id", nullable = false)
    public UUID shipmentId;

    /** A catalog item code, such as NPP. */
    @Id
    @Column(name = "item_code", nullable = false)
    public String term;

    /** Makes each shipment's items exactly these. */
    static void replaceAll(Map<UUID, Set<String>> itemCodes) {
        TermRows.replaceAll(itemCodes, "shipment_substance", ShipmentSubstance::of);
    }

    private static ShipmentSubstance of(UUID shipmentId, String term) {
        ShipmentSubstance row = new ShipmentSubstance();
        row.shipmentId = shipmentId;
        row.term = term;
        return row;
    }
}
