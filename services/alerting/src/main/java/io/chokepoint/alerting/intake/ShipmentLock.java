package io.chokepoint.alerting.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Serialises the work on one shipment across both consumers and every instance. Without it an assessment and
 * its screening result committed at the same moment would each miss the other, and no alert would be raised;
 * with it the second transaction waits, then sees the first one's rows.
 * <p>
 * A batch takes the locks of all its shipments at once, in one order (the lock keys sorted), so two batches of the
 * two consumers that share shipments wait for each other instead of deadlocking.
 */
@ApplicationScoped
public class ShipmentLock {

    private final EntityManager entityManager;

    public ShipmentLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Holds a PostgreSQL advisory lock on the shipment until the current transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String shipmentId) {
        entityManager.createNativeQuery(
                        "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(:shipmentId, 0))) locked")
                .setParameter("shipmentId", shipmentId)
                .getSingleResult();
    }

    /** Holds the shipments' advisory locks until the current transaction ends, taken in the order of their keys. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(List<String> shipmentIds) {
        if (shipmentIds.isEmpty()) {
            return;
        }
        // OFFSET 0 keeps the sorted subquery from being flattened, so the locks are taken in its order.
        entityManager.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(key) FROM"
                        + " (SELECT DISTINCT hashtextextended(id, 0) AS key FROM unnest(cast(:ids AS text[])) AS id"
                        + " ORDER BY key OFFSET 0) keys) locked")
                .setParameter("ids", shipmentIds.toArray(String[]::new))
                .getSingleResult();
    }
}
