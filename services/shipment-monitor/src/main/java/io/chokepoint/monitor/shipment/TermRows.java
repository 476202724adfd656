package io.chokepoint.monitor.shipment;

import io.chokepoint.platform.persistence.AnyOf;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Makes the rows of a table that indexes shipments by a term ({@link ShipmentSubstance}, {@link ShipmentCountry})
 * exactly the given terms, for many shipments at once: one delete for all of them, then the new rows, which the
 * session writes as JDBC batches.
 */
final class TermRows {

    private TermRows() {
    }

    static void replaceAll(Map<UUID, Set<String>> terms, String table,
                           BiFunction<UUID, String, PanacheEntityBase> row) {
        if (terms.isEmpty()) {
            return;
        }
        AnyOf.execute("delete from " + table + " where shipment_id = any(cast(?1 as uuid[]))", terms.keySet());
        terms.forEach((shipmentId, values) -> values.forEach(term -> row.apply(shipmentId, term).persist()));
    }
}
