package io.chokepoint.alerting.intake;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;

import java.util.Collection;
import java.util.List;

/**
 * Shipment revisions bound as two arrays, {@code ?1} the shipment ids and {@code ?2} their revisions, for native
 * SQL that joins {@code unnest(cast(?1 as text[]), cast(?2 as int[])) as k(shipment_id, revision)}: a batch reads
 * the rows of exactly the revisions it handles, in one query, instead of every revision of its shipments.
 */
final class Revisions {

    private Revisions() {
    }

    /** The native query with both arrays bound; the caller reads its results. Not run for no keys. */
    static Query query(String sql, Class<?> entity, Collection<StoredAssessment.Key> keys) {
        List<StoredAssessment.Key> distinct = keys.stream().distinct().toList();
        Query query = entity == null ? Panache.getEntityManager().createNativeQuery(sql)
                : Panache.getEntityManager().createNativeQuery(sql, entity);
        return query.setParameter(1, distinct.stream().map(key -> key.shipmentId).toArray(String[]::new))
                .setParameter(2, distinct.stream().map(key -> key.revision).toArray(Integer[]::new));
    }
}
