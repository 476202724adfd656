package io.chokepoint.registry.screening;

import io.chokepoint.model.alert.PartySuppressionChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * False positives dismissed in alerting ({@code alerts.suppressions}): stored in the database, one row per key with
 * its last state, and looked up in memory so that screening never waits on it. A standing suppression hides its
 * entity for the party name under two keys: alerting's ({@link DeclaredNames#key}, the name as declared up to
 * accents, case and punctuation) and the registry's ({@link NormalizedName#key()}, which spelling variants of the
 * name share, such as another word order or legal form). Several suppression keys may stand behind one pair: the
 * pair is suppressed until the last of them is lifted.
 */
@ApplicationScoped
public class SuppressionRegistry implements SuppressionLookup {

    /** Fills a missing actor: the rows say who, and alerting is who sent it. */
    private static final String UNNAMED_ACTOR = "alerting";

    /** (name key, entityId) pairs standing, each with the suppression keys behind it. */
    private final Map<String, Set<String>> byNameKey = new ConcurrentHashMap<>();
    /** The same by (declared name key, entityId). */
    private final Map<String, Set<String>> byDeclaredKey = new ConcurrentHashMap<>();
    private boolean loaded;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Override
    public boolean isSuppressed(String partyNameKey, String entityId) {
        return byNameKey.containsKey(pair(partyNameKey, entityId));
    }

    @Override
    public boolean isSuppressed(String partyNameKey, String declaredNameKey, String entityId) {
        return isSuppressed(partyNameKey, entityId)
                || !declaredNameKey.isEmpty() && byDeclaredKey.containsKey(pair(declaredNameKey, entityId));
    }

    @Override
    public boolean isEmpty() {
        return byNameKey.isEmpty() && byDeclaredKey.isEmpty();
    }

    /** Reads the standing suppressions once; called before the first screening. */
    public synchronized void load() {
        if (loaded) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> Suppression.<Suppression>stream("active", true)
                .forEach(s -> index(Standing.of(s))));
        loaded = true;
    }

    /**
     * Sets one suppression key to the state alerting published, unless a newer state of it is stored; screening
     * follows once the caller's transaction commits.
     *
     * @return whether the state was taken (false for an older one)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(PartySuppressionChanged change) {
        Suppression row = Suppression.findByKey(change.key());
        if (row != null && row.changedAt.isAfter(change.changedAt())) {
            return false;
        }
        Standing before = row != null && row.active ? Standing.of(row) : null;
        if (row == null) {
            row = new Suppression();
            row.suppressionKey = change.key();
            row.createdAt = Instant.now();
        }
        String name = change.partyName() == null || change.partyName().isBlank()
                ? change.normalizedName() : change.partyName();
        row.partyName = change.partyName();
        row.partyNameKey = NameNormalizer.normalize(name).key();
        row.declaredNameKey = change.normalizedName() == null ? DeclaredNames.key(name) : change.normalizedName();
        row.entityId = UUID.fromString(change.entityId());
        row.active = change.active();
        row.reason = change.reason();
        row.actor = change.actor() == null ? UNNAMED_ACTOR : change.actor();
        row.alertId = change.alertId();
        row.eventId = change.eventId();
        row.changedAt = change.changedAt();
        if (row.id == null) {
            row.persist();
        }
        Standing after = row.active ? Standing.of(row) : null;
        afterCommit(() -> {
            if (before != null) {
                unindex(before);
            }
            if (after != null) {
                index(after);
            }
        });
        return true;
    }

    /**
     * Stops reporting the entity for this party name (and its spelling variants) once the transaction commits, as a
     * dismissal in alerting would.
     */
    @Transactional
    public void suppress(String partyName, UUID entityId, String reason, String actor) {
        String declared = DeclaredNames.key(partyName);
        apply(new PartySuppressionChanged(UUID.randomUUID().toString(), entityId + "|" + declared,
                entityId.toString(), partyName, declared, true, null, null, null, null, reason, actor, Instant.now()));
    }

    private void afterCommit(Runnable change) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    change.run();
                }
            }
        });
    }

    private synchronized void index(Standing standing) {
        add(byNameKey, pair(standing.nameKey, standing.entityId), standing.suppressionKey);
        if (standing.declaredKey != null) {
            add(byDeclaredKey, pair(standing.declaredKey, standing.entityId), standing.suppressionKey);
        }
    }

    private synchronized void unindex(Standing standing) {
        remove(byNameKey, pair(standing.nameKey, standing.entityId), standing.suppressionKey);
        if (standing.declaredKey != null) {
            remove(byDeclaredKey, pair(standing.declaredKey, standing.entityId), standing.suppressionKey);
        }
    }

    private static void add(Map<String, Set<String>> index, String pair, String suppressionKey) {
        index.computeIfAbsent(pair, k -> new HashSet<>()).add(suppressionKey);
    }

    private static void remove(Map<String, Set<String>> index, String pair, String suppressionKey) {
        Set<String> keys = index.get(pair);
        if (keys != null && keys.remove(suppressionKey) && keys.isEmpty()) {
            index.remove(pair);
        }
    }

    private static String pair(String nameKey, String entityId) {
        return nameKey + '\u0000' + entityId;
    }

    /** What a standing suppression hides, as indexed. */
    private record Standing(String suppressionKey, String nameKey, String declaredKey, String entityId) {

        static Standing of(Suppression row) {
            return new Standing(row.suppressionKey, row.partyNameKey, row.declaredNameKey, row.entityId.toString());
        }
    }
}
