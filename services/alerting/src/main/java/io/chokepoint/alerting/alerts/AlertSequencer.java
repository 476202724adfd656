package io.chokepoint.alerting.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Numbers new alerts in the order their transactions commit, which a database sequence alone does not: a
 * transaction that drew 7 may commit before one that drew 6, and a reader that saw 7 would then skip 6 for good.
 * Here a number is drawn only under a lock held until the transaction ends, so whoever draws the next number
 * waits for the previous holder to commit or roll back. Hence: once an alert is visible, every alert with a
 * lower number that will ever exist is visible too, and "every alert after N" read at any moment misses none
 * (a rolled-back number is a gap, never a late arrival). The SSE stream and the webhook queues rely on it.
 * <p>
 * The cost is that raises (not updates) are serialised per schema from the moment a number is drawn until the
 * commit, which is the tail of one consumer transaction; raising an alert is rare next to the events read.
 */
@ApplicationScoped
public class AlertSequencer {

    /** First key of the advisory lock ("seq"); the second is the schema's hash, one sequence per schema. */
    private static final int SEQUENCE_LOCK = 0x736571;

    private final EntityManager entityManager;

    public AlertSequencer(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The next number, with the sequence lock held until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long next() {
        entityManager.createNativeQuery(
                        "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:lock, hashtext(current_schema()))) locked")
                .setParameter("lock", SEQUENCE_LOCK)
                .getSingleResult();
        return ((Number) entityManager.createNativeQuery("SELECT nextval('alert_sequence')").getSingleResult())
                .longValue();
    }

    /** The highest number of a committed alert, 0 when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long highestCommitted() {
        return ((Number) entityManager.createNativeQuery("SELECT coalesce(max(sequence), 0) FROM alert")
                .getSingleResult()).longValue();
    }
}
