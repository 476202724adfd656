package io.chokepoint.monitor.shipment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

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

    /** Makes the shipment's items exactly these. */
    static void replace(UUID shipmentId, Set<String> itemCodes) {
        delete("shipmentId", shipmentId);
        for (String itemCode : itemCodes) {
            ShipmentSubstance row = new ShipmentSubstance();
            row.shipmentId = shipmentId;
            row.term = itemCode;
            row.persist();
        }
    }
}
