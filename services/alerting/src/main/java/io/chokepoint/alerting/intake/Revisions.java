package io.chokepoint.alerting.intake;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;

import java.util.Collection;
import java.util.List;

/**
 * The rows of a table keyed by shipment and revision that belong to exactly these revisions, in one query: the
 * shipment ids bound as one array and their revisions as another, joined to the table as
 * {@code unnest(?1, ?2)}. A batch thus reads the revisions it handles, not every revision of its shipments.
 */
final class Revisions {

    private Revisions() {
    }

    /**
     * {@code select <columns> from <table> t} joined to the revisions, then {@code tail} (an order, say); the
     * columns name the table as {@code t}. Maps the rows to the entity, or answers them as values when it is null.
     * For at least one key: callers answer none for none without asking.
     */
    static Query query(String columns, String table, String tail, Class<?> entity,
                       Collection<StoredAssessment.Key> keys) {
        String sql = "select " + columns + " from " + table + " t"
                + " join unnest(cast(?1 as text[]), cast(?2 as int[])) as k(shipment_id, revision)"
                + " on t.shipment_id = k.shipment_id and t.revision = k.revision" + tail;
        List<StoredAssessment.Key> distinct = keys.stream().distinct().toList();
        Query query = entity == null ? Panache.getEntityManager().createNativeQuery(sql)
                : Panache.getEntityManager().createNativeQuery(sql, entity);
        return query.setParameter(1, distinct.stream().map(key -> key.shipmentId).toArray(String[]::new))
                .setParameter(2, distinct.stream().map(key -> key.revision).toArray(Integer[]::new));
    }
}
