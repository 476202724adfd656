package io.chokepoint.monitor.shipment;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The primary key of the tables that index a shipment by a term: the shipment and the term. */
public class ShipmentKeyTerm implements Serializable {

    public UUID shipmentId;
    public String term;

    public ShipmentKeyTerm() {
    }

    public ShipmentKeyTerm(UUID shipmentId, String term) {
        this.shipmentId = shipmentId;
        this.term = term;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShipmentKeyTerm key && Objects.equals(shipmentId, key.shipmentId)
                && Objects.equals(term, key.term);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shipmentId, term);
    }
}
