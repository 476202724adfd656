package io.chokepoint.alerting.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises the work on one shipment across both consumers and every instance. Without it an assessment and
 * its screening result committed at the same moment would each miss the other, and no alert would be raised;
 * with it the second transaction waits, then sees the first one's rows.
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
}
