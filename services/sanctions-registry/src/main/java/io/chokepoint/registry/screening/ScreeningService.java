package io.chokepoint.registry.screening;

import io.chokepoint.registry.lists.ListVersionCommitted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds the screening engine: loads every entity at start, applies each list version this instance commits right
 * after its commit (so that a delisted entity stops matching as soon as the delisting request returns), and catches
 * up with the versions other instances commit by reading the database ({@link #refresh()}).
 *
 * <p>The engine's list version is the last of an unbroken run: every version up to it is in the index. A version
 * committed here right after the last one applied advances it; one committed after versions of other instances that
 * are not applied yet only adds its entities, and the next catch-up, which reads every version after the last one
 * applied, brings the others and advances it. Applying a state the index already holds changes nothing.
 */
@ApplicationScoped
public class ScreeningService {

    private static final Logger LOG = Logger.getLogger(ScreeningService.class);

    @Inject
    ScreeningConfig config;
    @Inject
    SuppressionRegistry suppressions;
    @Inject
    ListChanges lists;
    @Inject
    ScreeningMetrics metrics;
    @Inject
    Event<ListVersionIndexed> indexed;

    /** Held while the index takes changes: its load, a catch-up and this instance's own versions, one at a time. */
    private final Object changes = new Object();
    private final Set<String> watchedSources = new HashSet<>();
    private ScreeningEngine engine;
    private volatile Instant loadedAt;

    /** What the index holds, for readiness. */
    public record IndexState(String listVersion, int entities, Instant loadedAt) {
    }

    @PostConstruct
    void createEngine() {
        engine = new ScreeningEngine(config.matcher().toSettings(), suppressions);
        metrics.watchLoaded(() -> loadedAt != null);
    }

    void onStart(@Observes StartupEvent event) {
        try {
            ensureLoaded();
        } catch (RuntimeException e) {
            // Not ready until it is loaded: the periodic refresh tries again, and so does the first screening.
            LOG.warnf(e, "Screening index not loaded at start; trying again every %s", config.refreshInterval());
        }
    }

    /** After the commit only: an index fed by a rolled-back change would match entities that do not exist. */
    void onListVersion(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListVersionCommitted version) {
        List<ScreenableEntity> changed = version.changed().stream().map(ListChanges::screenable).toList();
        synchronized (changes) {
            boolean next = applied() == version.seq() - 1;
            engine.apply(changed, next ? version.listVersion() : null, version.seq());
            watchSources();
        }
        indexed.fire(new ListVersionIndexed(version.listVersion(), version.seq()));
    }

    /**
     * Catches up with what other instances committed: the list versions after the last one applied, and the
     * suppression changes after the last one read. Loads the index if that has not happened yet.
     */
    public void refresh() {
        if (loadedAt == null) {
            ensureLoaded();
            return;
        }
        suppressions.refresh();
        catchUp();
    }

    public ScreeningOutcome screen(ScreeningQuery query, ScreeningMetrics.Mode mode) {
        ensureLoaded();
        return metrics.time(mode, () -> engine.screen(query));
    }

    /** A rescreen's screening, reporting only these entities (see {@link ScreeningEngine#screenAmong}). */
    public ScreeningOutcome screenAmong(ScreeningQuery query, Set<String> entityIds) {
        ensureLoaded();
        return metrics.time(ScreeningMetrics.Mode.RESCREEN, () -> engine.screenAmong(query, entityIds));
    }

    /**
     * Whether the index holds the list version of this sequence number and every one before it, once it has caught
     * up with the database if it did not.
     */
    public boolean ensureIndexed(long seq) {
        ensureLoaded();
        if (engine.listSeq() >= seq) {
            return true;
        }
        catchUp();
        return engine.listSeq() >= seq;
    }

    /**
     * Makes the index hold every list version committed so far, by any instance, as the caller's transaction sees
     * them: a shipment screening that holds the rescreen barrier calls it, so that it cannot miss a version whose
     * rescreen does not wait for it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ensureCurrent() {
        ListChanges.Head newest = lists.newest();
        if (newest != null) {
            ensureIndexed(newest.seq());
        }
    }

    public String listVersion() {
        ensureLoaded();
        return engine.listVersion();
    }

    /** What the index holds; null until it has been loaded. */
    public IndexState state() {
        Instant at = loadedAt;
        return at == null ? null : new IndexState(engine.listVersion(), engine.size(), at);
    }

    /** The sequence number of the last version applied with all before it; 0 before the first. */
    private long applied() {
        long seq = engine.listSeq();
        return seq == Long.MIN_VALUE ? 0 : seq;
    }

    private void catchUp() {
        synchronized (changes) {
            long applied = applied();
            QuarkusTransaction.requiringNew().run(() -> {
                ListChanges.Head newest = lists.newest();
                if (newest == null || newest.seq() <= applied) {
                    return;
                }
                List<ScreenableEntity> changed = lists.changedAfter(applied);
                engine.apply(changed, newest.id(), newest.seq());
                LOG.infof("Screening index caught up to list version %s: %d entities changed since sequence %d",
                        newest.id(), changed.size(), applied);
            });
            watchSources();
        }
    }

    /**
     * Loads every entity once, the newest version read first: the entities read after it hold at least its changes
     * (and perhaps later ones, which the next catch-up reads again to no effect).
     */
    private void ensureLoaded() {
        if (loadedAt != null) {
            return;
        }
        synchronized (changes) {
            if (loadedAt != null) {
                return;
            }
            suppressions.refresh();
            QuarkusTransaction.requiringNew().run(() -> {
                ListChanges.Head newest = lists.newest();
                List<ScreenableEntity> all = lists.all();
                engine.apply(all, newest == null ? null : newest.id(), newest == null ? Long.MIN_VALUE : newest.seq());
            });
            watchSources();
            loadedAt = Instant.now();
            LOG.infof("Screening index holds %d listed entities, list version %s", engine.size(), engine.listVersion());
        }
    }

    private void watchSources() {
        for (String source : engine.sources()) {
            if (watchedSources.add(source)) {
                metrics.watchSource(engine, source);
            }
        }
    }
}
