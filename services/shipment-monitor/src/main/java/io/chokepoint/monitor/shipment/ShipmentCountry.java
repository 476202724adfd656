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

/** A country a shipment touches (a party's, its origin, its destination), for the {@code country} filter. */
@Entity
@Table(name = "shipment_country")
@IdClass(ShipmentKeyTerm.class)
public class ShipmentCountry extends PanacheEntityBase {

    @Id
    @Column(name = "shipment_id", nullable = false)
    public UUID shipmentId;

    /** ISO 3166-1 alpha-2. */
    @Id
    @Column(name = "country", nullable = false)
    public String term;

    /** Makes each shipment's countries exactly these. */
    static void replaceAll(Map<UUID, Set<String>> countries) {
        TermRows.replaceAll(countries, "shipment_country", ShipmentCountry::of);
    }

    private static ShipmentCountry of(UUID shipmentId, String term) {
        ShipmentCountry row = new ShipmentCountry();
        row.shipmentId = shipmentId;
        row.term = term;
        return row;
    }
}
