package io.chokepoint.registry.screening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * False positives dismissed for good: stored in the database, looked up in memory so that screening never
 * waits on it. No API yet; alerting's dismissals will feed it.
 */
@ApplicationScoped
public class SuppressionRegistry implements SuppressionLookup {

    private final Set<String> pairs = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Override
    public boolean isSuppressed(String partyNameKey, String entityId) {
        return pairs.contains(pair(partyNameKey, entityId));
    }

    /** Reads the stored suppressions once; called before the first screening. */
    public synchronized void load() {
        if (loaded) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> Suppression.<Suppression>streamAll()
                .forEach(s -> pairs.add(pair(s.partyNameKey, s.entityId.toString()))));
        loaded = true;
    }

    /** Stops reporting the entity for this party name (and its spelling variants) once the transaction commits. */
    @Transactional
    public void suppress(String partyName, UUID entityId, String reason, String actor) {
        String key = NameNormalizer.normalize(partyName).key();
        if (Suppression.count("partyNameKey = ?1 and entityId = ?2", key, entityId) > 0) {
            return;
        }
        Suppression suppression = new Suppression();
        suppression.partyNameKey = key;
        suppression.entityId = entityId;
        suppression.reason = reason;
        suppression.actor = actor;
        suppression.createdAt = Instant.now();
        suppression.persist();
        String pair = pair(key, entityId.toString());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    pairs.add(pair);
                }
            }
        });
    }

    private static String pair(String partyNameKey, String entityId) {
        return partyNameKey + '\u0000' + entityId;
    }
}
