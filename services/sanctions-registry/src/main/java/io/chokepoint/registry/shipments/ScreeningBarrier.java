package io.chokepoint.registry.shipments;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Lets a rescreen wait for the shipment screenings in flight. A screening that began before a list version was
 * indexed may have screened without it and commit only after the rescreen has read the screened parties: its
 * parties would be rescreened by no one. Each screening holds a shared PostgreSQL advisory lock until its commit;
 * a rescreen takes the lock exclusively, once, after the version is committed and indexed, which waits for exactly
 * those, on every instance. A screening that takes its lock later brings its own instance's index up to the newest
 * committed version before it screens ({@code ScreeningService.ensureCurrent}), so it cannot miss the version either.
 */
@ApplicationScoped
class ScreeningBarrier {

    /** First key of the advisory lock ("scr"); the second is the schema's hash, as for the outbox relay's. */
    private static final int LOCK = 0x736372;

    @Inject
    EntityManager entityManager;

    /** Marks the caller's transaction as a screening in flight until it ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    void enterScreening() {
        lock("pg_advisory_xact_lock_shared");
    }

    /** Returns once every screening that was in flight when called has committed or rolled back. */
    void awaitScreeningsInFlight() {
        QuarkusTransaction.requiringNew().run(() -> lock("pg_advisory_xact_lock"));
    }

    private void lock(String function) {
        // The lock functions return void, which has no Java type: count the one row instead.
        entityManager.createNativeQuery("select count(*) from (select " + function
                        + "(:lock, hashtext(current_schema()))) locked")
                .setParameter("lock", LOCK)
                .getSingleResult();
    }
}
