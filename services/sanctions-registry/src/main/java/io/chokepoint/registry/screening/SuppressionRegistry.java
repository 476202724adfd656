package io.chokepoint.registry.screening;

import io.chokepoint.model.alert.PartySuppressionChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
 *
 * <p>Each change of a row takes the next change number under a row lock held until its commit, so change numbers
 * become visible in the order they were given. Memory follows the rows this instance writes right after their commit,
 * and the rows any instance writes by {@link #refresh()}, which reads the rows changed after the last number it read.
 * Each key keeps the number of the state held: an older state, or the same one read again, changes nothing.
 */
@ApplicationScoped
public class SuppressionRegistry implements SuppressionLookup {

    /** Fills a missing actor: the rows say who, and alerting is who sent it. */
    private static final String UNNAMED_ACTOR = "alerting";

    /** (name key, entityId) pairs standing, each with the suppression keys behind it. */
    private final Map<String, Set<String>> byNameKey = new ConcurrentHashMap<>();
    /** The same by (declared name key, entityId). */
    private final Map<String, Set<String>> byDeclaredKey = new ConcurrentHashMap<>();
    /** The state held of each suppression key, standing or lifted, with its change number. */
    private final Map<String, Held> held = new HashMap<>();
    /** The last change number read from the database. */
    private long readUpTo;

    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    EntityManager em;

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

    /**
     * Takes the rows changed since the last read, by this instance or another: all of them the first time. Rows are
     * read in change order and numbers are visible in that order, so none is passed over.
     */
    public void refresh() {
        synchronized (held) {
            long after = readUpTo;
            List<Suppression> changed = QuarkusTransaction.requiringNew().call(() -> Suppression.changedAfter(after));
            for (Suppression row : changed) {
                take(row.suppressionKey, row.changeSeq, row.active ? Standing.of(row) : null);
                readUpTo = Math.max(readUpTo, row.changeSeq);
            }
        }
    }

    /**
     * Sets one suppression key to the state alerting published, unless a newer state of it is stored; screening
     * follows once the caller's transaction commits.
     *
     * @return whether the state was taken (false for an older one)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(PartySuppressionChanged change) {
        // First the number, which waits for any other change in flight: the row is then read as that one left it.
        long changeSeq = nextChangeSeq();
        Suppression row = Suppression.findByKey(change.key());
        if (row != null && row.changedAt.isAfter(change.changedAt())) {
            return false;
        }
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
        row.changeSeq = changeSeq;
        if (row.id == null) {
            row.persist();
        }
        String key = row.suppressionKey;
        Standing after = row.active ? Standing.of(row) : null;
        afterCommit(() -> {
            synchronized (held) {
                take(key, changeSeq, after);
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

    /** Holds this state of the key unless a state of a later change is held. Called holding {@link #held}. */
    private void take(String suppressionKey, long changeSeq, Standing standing) {
        Held before = held.get(suppressionKey);
        if (before != null && before.changeSeq() >= changeSeq) {
            return;
        }
        if (before != null && before.standing() != null) {
            unindex(before.standing());
        }
        if (standing != null) {
            index(standing);
        }
        held.put(suppressionKey, new Held(changeSeq, standing));
    }

    /** The next change number; the counter's row stays locked until the caller's transaction ends. */
    private long nextChangeSeq() {
        return ((Number) em.createNativeQuery("update suppression_change_counter set last_seq = last_seq + 1"
                + " where id = 1 returning last_seq").getSingleResult()).longValue();
    }

    private void index(Standing standing) {
        add(byNameKey, pair(standing.nameKey, standing.entityId), standing.suppressionKey);
        if (standing.declaredKey != null) {
            add(byDeclaredKey, pair(standing.declaredKey, standing.entityId), standing.suppressionKey);
        }
    }

    private void unindex(Standing standing) {
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

    /** The state held of a suppression key: what it hides while standing, null once lifted. */
    private record Held(long changeSeq, Standing standing) {
    }

    /** What a standing suppression hides, as indexed. */
    private record Standing(String suppressionKey, String nameKey, String declaredKey, String entityId) {

        static Standing of(Suppression row) {
            return new Standing(row.suppressionKey, row.partyNameKey, row.declaredNameKey, row.entityId.toString());
        }
    }
}
