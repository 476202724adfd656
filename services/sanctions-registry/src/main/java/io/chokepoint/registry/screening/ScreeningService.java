package io.chokepoint.registry.screening;

import io.chokepoint.registry.entities.EntityStatus;
import io.chokepoint.registry.entities.EntityView;
import io.chokepoint.registry.entities.SanctionedEntity;
import io.chokepoint.registry.lists.ListVersion;
import io.chokepoint.registry.lists.ListVersionCommitted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;

/**
 * Holds the screening engine: loads the listed entities at start and applies every list version right after
 * its commit, so that a delisted entity stops matching as soon as the delisting request returns.
 */
@ApplicationScoped
public class ScreeningService {

    private static final Logger LOG = Logger.getLogger(ScreeningService.class);

    @Inject
    ScreeningConfig config;
    @Inject
    SuppressionRegistry suppressions;
    @Inject
    Event<ListVersionIndexed> indexed;

    private ScreeningEngine engine;
    private volatile boolean loaded;

    @PostConstruct
    void createEngine() {
        engine = new ScreeningEngine(config.matcher().toSettings(), suppressions);
    }

    void onStart(@Observes StartupEvent event) {
        ensureLoaded();
    }

    /** After the commit only: an index fed by a rolled-back change would match entities that do not exist. */
    void onListVersion(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListVersionCommitted version) {
        engine.apply(version.changed().stream().map(ScreeningService::screenable).toList(),
                version.listVersion(), version.seq());
        indexed.fire(new ListVersionIndexed(version.listVersion(), version.seq()));
    }

    public ScreeningOutcome screen(ScreeningQuery query) {
        ensureLoaded();
        return engine.screen(query);
    }

    /** A screening that reports only these entities (see {@link ScreeningEngine#screenAmong}). */
    public ScreeningOutcome screenAmong(ScreeningQuery query, Set<String> entityIds) {
        ensureLoaded();
        return engine.screenAmong(query, entityIds);
    }

    /** Whether the index holds the list version of this sequence number and every one before it. */
    public boolean hasIndexed(long seq) {
        ensureLoaded();
        return engine.listSeq() >= seq;
    }

    public String listVersion() {
        ensureLoaded();
        return engine.listVersion();
    }

    /**
     * Loads the listed entities once. Safe against list versions committed meanwhile: the engine keeps the
     * newest revision of each entity whatever the order in which states arrive.
     */
    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            suppressions.load();
            QuarkusTransaction.requiringNew().run(() -> {
                List<ScreenableEntity> listed = SanctionedEntity.<SanctionedEntity>stream("status", EntityStatus.LISTED)
                        .map(EntityView::of).map(ScreeningService::screenable).toList();
                ListVersion latest = ListVersion.latest();
                engine.apply(listed, latest == null ? null : latest.id, latest == null ? Long.MIN_VALUE : latest.seq);
            });
            loaded = true;
            LOG.infof("Screening index holds %d listed entities, list version %s", engine.size(), engine.listVersion());
        }
    }

    static ScreenableEntity screenable(EntityView e) {
        return ScreenableEntity.of(e.entityId(), e.source(), e.sourceId(), e.type(), e.name(), e.aliases(),
                e.countries(), e.addresses(), e.identifiers(), e.programs(), e.revision(), e.listed());
    }
}
