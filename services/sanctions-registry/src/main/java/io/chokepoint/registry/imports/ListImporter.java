package io.chokepoint.registry.imports;

import io.chokepoint.registry.audit.ChangeRequest;
import io.chokepoint.registry.entities.EntityContent;
import io.chokepoint.registry.entities.EntityView;
import io.chokepoint.registry.entities.SanctionedEntity;
import io.chokepoint.registry.lists.ListChangeSet;
import io.chokepoint.registry.lists.ListVersion;
import io.chokepoint.registry.lists.ListVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a parsed list to the entities of its source, in one transaction and one list version: new entries are
 * added (or listed again), entries whose content differs are changed, listed entries missing from the file are
 * delisted. The database is read in one query and written in JDBC batches; nothing is queried per entity.
 */
@ApplicationScoped
public class ListImporter {

    /** Ids per {@code in (...)} lock query. */
    private static final int LOCK_CHUNK = 1000;

    @Inject
    ListVersions versions;
    @Inject
    EntityManager em;
    @Inject
    ImportConfig config;

    @Transactional
    public ImportReport apply(ParsedList list, ImportFormat format, ChangeRequest request) {
        Session session = em.unwrap(Session.class);
        session.setJdbcBatchSize(config.batchSize());
        lockSource(list.source());
        Map<String, SanctionedEntity> current = load(session, list.source());
        Diff diff = diff(list, current);
        lockRows(diff.touched());
        Instant now = Instant.now();
        ListChangeSet changes = versions.open(list.source(), request, list.description());
        List<SanctionedEntity> created = new ArrayList<>(diff.created.size());
        for (ImportedEntity added : diff.created) {
            SanctionedEntity entity = SanctionedEntity.listed(list.source(), added.sourceId(), added.content(), now);
            em.persist(entity);
            changes.added(entity);
            created.add(entity);
        }
        for (Replacement relisted : diff.relisted) {
            EntityView before = modifiable(session, relisted.entity());
            relisted.entity().relist(now);
            relisted.entity().apply(relisted.content(), now);
            changes.relisted(before, relisted.entity());
        }
        for (Replacement changed : diff.changed) {
            EntityView before = modifiable(session, changed.entity());
            changed.entity().apply(changed.content(), now);
            changes.changed(before, changed.entity());
        }
        for (SanctionedEntity removed : diff.removed) {
            EntityView before = modifiable(session, removed);
            removed.delist(now);
            changes.delisted(before, removed);
        }
        Optional<ListVersion> version = changes.commit();
        return report(list, format, diff, created, version.map(v -> v.id).orElse(null));
    }

    /** Imports of one source run one at a time, so that each compares the file with what the last one left. */
    private void lockSource(String source) {
        em.createNativeQuery("select cast(pg_advisory_xact_lock(hashtext(?1)) as text)")
                .setParameter(1, "list-import:" + source).getSingleResult();
    }

    /**
     * All entities of the source, listed or not, loaded read-only: no snapshot is kept and nothing is
     * dirty-checked, except the entities this import turns modifiable before changing them.
     */
    private static Map<String, SanctionedEntity> load(Session session, String source) {
        List<SanctionedEntity> entities = session.createSelectionQuery(
                        "from SanctionedEntity where source = :source", SanctionedEntity.class)
                .setParameter("source", source).setReadOnly(true).getResultList();
        Map<String, SanctionedEntity> bySourceId = new HashMap<>(entities.size() * 2);
        entities.forEach(e -> bySourceId.put(e.sourceId, e));
        return bySourceId;
    }

    private static Diff diff(ParsedList list, Map<String, SanctionedEntity> current) {
        Diff diff = new Diff();
        Map<String, SanctionedEntity> missing = new HashMap<>(current);
        for (ImportedEntity imported : list.entities()) {
            SanctionedEntity existing = missing.remove(imported.sourceId());
            EntityContent content = imported.content();
            if (existing == null) {
                diff.created.add(imported);
            } else if (!existing.isListed()) {
                diff.relisted.add(new Replacement(existing, content));
            } else if (!existing.content().equals(content)) {
                diff.changed.add(new Replacement(existing, content));
            } else {
                diff.unchanged++;
            }
        }
        missing.values().stream().filter(SanctionedEntity::isListed)
                .sorted(Comparator.comparing((SanctionedEntity e) -> e.sourceId)).forEach(diff.removed::add);
        return diff;
    }

    /**
     * Locks the rows about to change, in id order and before the list version counter, the order a manual change
     * takes them too: no deadlock. A row changed since it was read then fails the revision check (409).
     */
    private void lockRows(List<UUID> ids) {
        List<UUID> sorted = ids.stream().sorted().toList();
        for (int from = 0; from < sorted.size(); from += LOCK_CHUNK) {
            List<UUID> chunk = sorted.subList(from, Math.min(sorted.size(), from + LOCK_CHUNK));
            em.createNativeQuery("select id from sanctioned_entity where id in (?1) order by id for update")
                    .setParameter(1, chunk).getResultList();
        }
    }

    /** Makes a read-only loaded entity modifiable (Hibernate snapshots it now) and answers its view before the change. */
    private static EntityView modifiable(Session session, SanctionedEntity entity) {
        session.setReadOnly(entity, false);
        return EntityView.of(entity);
    }

    private ImportReport report(ParsedList list, ImportFormat format, Diff diff, List<SanctionedEntity> created,
                                String version) {
        List<ImportReport.Change> changes = new ArrayList<>();
        int max = config.maxReportedChanges();
        created.stream().limit(max).forEach(e -> changes.add(change("ADDED", e)));
        diff.relisted.stream().limit(max - changes.size()).forEach(r -> changes.add(change("ADDED", r.entity())));
        diff.changed.stream().limit(max - changes.size()).forEach(r -> changes.add(change("CHANGED", r.entity())));
        diff.removed.stream().limit(max - changes.size()).forEach(e -> changes.add(change("REMOVED", e)));
        int total = created.size() + diff.relisted.size() + diff.changed.size() + diff.removed.size();
        return new ImportReport(version, list.source(), format.parameter(), list.entities().size(),
                created.size() + diff.relisted.size(), diff.changed.size(), diff.removed.size(), diff.unchanged,
                changes, changes.size() < total);
    }

    private static ImportReport.Change change(String action, SanctionedEntity e) {
        return new ImportReport.Change(action, e.id.toString(), e.sourceId, e.name);
    }

    /** The entities a file adds, changes and removes, in file order (removals by source id). */
    private static final class Diff {
        final List<ImportedEntity> created = new ArrayList<>();
        final List<Replacement> relisted = new ArrayList<>();
        final List<Replacement> changed = new ArrayList<>();
        final List<SanctionedEntity> removed = new ArrayList<>();
        int unchanged;

        List<UUID> touched() {
            List<UUID> ids = new ArrayList<>();
            relisted.forEach(r -> ids.add(r.entity().id));
            changed.forEach(r -> ids.add(r.entity().id));
            removed.forEach(e -> ids.add(e.id));
            return ids;
        }
    }

    private record Replacement(SanctionedEntity entity, EntityContent content) {
    }
}
