package io.chokepoint.registry.lists;

import io.chokepoint.model.Topics;
import io.chokepoint.model.sanctions.ListVersionPublished;
import io.chokepoint.model.sanctions.SanctionedEntityChanged;
import io.chokepoint.platform.outbox.OutboundEvent;
import io.chokepoint.platform.outbox.Outbox;
import io.chokepoint.registry.audit.AuditAction;
import io.chokepoint.registry.audit.AuditLog;
import io.chokepoint.registry.audit.ChangeRequest;
import io.chokepoint.registry.audit.ChangeRequestLog;
import io.chokepoint.registry.entities.EntityView;
import io.chokepoint.registry.entities.SanctionedEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Opens change sets and turns each into a list version: audited, published, and applied to screening. */
@ApplicationScoped
public class ListVersions {

    @Inject
    AuditLog audit;
    @Inject
    ChangeRequestLog requests;
    @Inject
    Outbox outbox;
    @Inject
    Event<ListVersionCommitted> committed;

    /**
     * @param source      the list the changes come from (MANUAL, OFAC-SDN, UN-SC, ...)
     * @param request     the request asking for them: its actor makes the version, and it is recorded with them
     * @param description what the changes are, in words ("manual entry", "OFAC import of sdn.csv")
     */
    public ListChangeSet open(String source, ChangeRequest request, String description) {
        return new ListChangeSet(this, source, request, description);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Optional<ListVersion> commit(ListChangeSet set) {
        if (set.isEmpty()) {
            requests.accepted(set.request(), null);
            return Optional.empty();
        }
        Instant now = Instant.now();
        ListVersion version = issue(set, now);
        for (ListChangeSet.Change change : set.changes()) {
            change.entity().listVersion = version.id;
        }
        // Flushing now makes each entity's revision final before it is audited, published and indexed.
        SanctionedEntity.flush();
        List<EntityView> changed = new ArrayList<>();
        List<AuditLog.Change> audited = new ArrayList<>(set.changes().size());
        List<OutboundEvent> events = new ArrayList<>(set.changes().size() + 1);
        for (ListChangeSet.Change change : set.changes()) {
            EntityView after = EntityView.of(change.entity());
            changed.add(after);
            audited.add(new AuditLog.Change(set.actor(), change.action(), change.entity().id, version.id,
                    change.before(), after, now, set.request().id()));
            addEntityEvents(events, after, now);
        }
        // The request first: its audit entries refer to it.
        requests.accepted(set.request(), version.id);
        audit.recordAll(audited);
        version.persist();
        events.add(OutboundEvent.of(Topics.SANCTIONS_LIST_VERSIONS, version.id, new ListVersionPublished(version.id,
                version.source, version.createdAt, version.added, version.changed, version.removed))
                .withId("list-version-" + version.id));
        // One batched write: an import publishes thousands of changes, and the version after all of them.
        outbox.enqueueAll(events);
        committed.fire(new ListVersionCommitted(version.id, version.seq, version.source, changed));
        return Optional.of(version);
    }

    private ListVersion issue(ListChangeSet set, Instant now) {
        ListVersionCounter counter = ListVersionCounter.lock();
        ListVersion version = new ListVersion();
        version.id = counter.next(LocalDate.ofInstant(now, ZoneOffset.UTC));
        version.seq = counter.lastSeq;
        version.source = set.source();
        version.actor = set.actor();
        version.description = set.description();
        version.createdAt = now;
        version.added = set.count(AuditAction.CREATED) + set.count(AuditAction.RELISTED);
        version.changed = set.count(AuditAction.CHANGED);
        version.removed = set.count(AuditAction.DELISTED);
        return version;
    }

    /** The entity's new state; a delisting is followed by a tombstone so that compaction forgets the key. */
    private static void addEntityEvents(List<OutboundEvent> events, EntityView entity, Instant now) {
        events.add(OutboundEvent.of(Topics.SANCTIONS_ENTITIES, entity.entityId(), toEvent(entity, now)));
        if (!entity.listed()) {
            events.add(OutboundEvent.of(Topics.SANCTIONS_ENTITIES, entity.entityId(), null));
        }
    }

    private static SanctionedEntityChanged toEvent(EntityView e, Instant now) {
        return new SanctionedEntityChanged(e.entityId(), e.source(), e.sourceId(), e.type().name(), e.name(),
                e.aliases().stream().map(a -> a.name()).toList(), e.countries(), e.programs(), e.listedOn(),
                SanctionedEntityChanged.EntityStatus.valueOf(e.status().name()), e.listVersion(), now);
    }
}
