package io.chokepoint.alerting.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

/**
 * Numbers the changes of alerts (a raise, new evidence, an officer's move) in the order their transactions commit,
 * which a database sequence alone does not: a transaction that drew 7 may commit before one that drew 6, and a
 * reader that saw 7 would then skip 6 for good. Here a number is drawn only under a lock held until the
 * transaction ends, so whoever draws the next number waits for the previous holder to commit or roll back. Hence:
 * once a change is visible, every change with a lower number that will ever exist is visible too, and "every
 * change after N" read at any moment misses none (a rolled-back number is a gap, never a late arrival). The SSE
 * stream and the webhook queues rely on it. A raise's number is the alert's {@code sequence}; every change moves
 * the alert's {@code streamPosition} to a new number.
 * <p>
 * The lock is taken before any alert row is locked (see {@link #lock()}), by the consumers and the officers'
 * changes alike, so that the two cannot wait for each other in opposite orders. The cost is that changes to
 * alerts are serialised per schema until their commit; changes are rare next to the events read.
 */
@ApplicationScoped
public class AlertSequencer {

    /** First key of the advisory lock ("seq"); the second is the schema's hash, one sequence per schema. */
    private static final int SEQUENCE_LOCK = 0x736571;

    private final EntityManager entityManager;
    private final SequenceLockHold hold;

    public AlertSequencer(EntityManager entityManager, SequenceLockHold hold) {
        this.entityManager = entityManager;
        this.hold = hold;
    }

    /**
     * Takes the sequence lock until the caller's transaction ends (again is harmless). Call it before locking an
     * alert row in a transaction that may change an alert. Neither query touches a mapped table, so neither flushes
     * the caller's pending changes: a change to an alert stays one update, one version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        if (!hold.firstTime()) {
            return;
        }
        entityManager.createNativeQuery(
                        "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:lock, hashtext(current_schema()))) locked")
                .setParameter("lock", SEQUENCE_LOCK)
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
    }

    /** The next number, with the sequence lock held until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long next() {
        lock();
        return ((Number) entityManager.createNativeQuery("SELECT nextval('alert_sequence')")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
    }

    /** The highest number of a committed change, 0 when there is none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long highestCommitted() {
        return ((Number) entityManager.createNativeQuery("SELECT coalesce(max(stream_position), 0) FROM alert")
                .getSingleResult()).longValue();
    }
}
