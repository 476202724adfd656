package io.chokepoint.registry.entities;

import io.chokepoint.platform.web.UnknownIdException;
import io.chokepoint.registry.audit.ChangeRequest;
import io.chokepoint.registry.lists.ListChangeSet;
import io.chokepoint.registry.lists.ListVersions;
import io.chokepoint.registry.web.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Manual entries: each change is one list version of source MANUAL, recorded with the request that asked for it
 * (a request that changes nothing is recorded as accepted without a version).
 */
@ApplicationScoped
public class EntityService {

    public static final String MANUAL = "MANUAL";

    @Inject
    ListVersions versions;
    @Inject
    EntityManager em;

    @Transactional
    public EntityView create(EntityContent content, ChangeRequest request) {
        SanctionedEntity entity = SanctionedEntity.listed(MANUAL, nextManualSourceId(), content, Instant.now());
        entity.persist();
        request.entityId(entity.id);
        request.source(MANUAL);
        ListChangeSet changes = versions.open(MANUAL, request, "manual entry created");
        changes.added(entity);
        changes.commit();
        return EntityView.of(entity);
    }

    /** Replaces a manual entry's content; an unchanged entry makes no version. */
    @Transactional
    public EntityView update(String id, EntityContent content, ChangeRequest request) {
        SanctionedEntity entity = lockedForChange(id);
        request.source(entity.source);
        if (!MANUAL.equals(entity.source)) {
            throw new ConflictException("entity " + id + " comes from " + entity.source
                    + " and changes only by import; only delisting is allowed here");
        }
        if (!entity.isListed()) {
            throw new ConflictException("entity " + id + " is delisted and cannot be changed");
        }
        ListChangeSet changes = versions.open(MANUAL, request, "manual entry changed");
        if (entity.content().equals(content)) {
            changes.commit();
            return EntityView.of(entity);
        }
        EntityView before = EntityView.of(entity);
        entity.apply(content, Instant.now());
        changes.changed(before, entity);
        changes.commit();
        return EntityView.of(entity);
    }

    /** Delists an entity of any list; delisting twice changes nothing the second time. */
    @Transactional
    public EntityView delist(String id, ChangeRequest request) {
        SanctionedEntity entity = lockedForChange(id);
        request.source(entity.source);
        ListChangeSet changes = versions.open(MANUAL, request, "delisted by hand");
        if (!entity.isListed()) {
            changes.commit();
            return EntityView.of(entity);
        }
        EntityView before = EntityView.of(entity);
        entity.delist(Instant.now());
        changes.delisted(before, entity);
        changes.commit();
        return EntityView.of(entity);
    }

    public EntityView get(String id) {
        SanctionedEntity entity = SanctionedEntity.findById(parse(id));
        if (entity == null) {
            throw unknown(id);
        }
        return EntityView.of(entity);
    }

    private SanctionedEntity lockedForChange(String id) {
        SanctionedEntity entity = SanctionedEntity.findById(parse(id), LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw unknown(id);
        }
        return entity;
    }

    private String nextManualSourceId() {
        Number next = (Number) em.createNativeQuery("select nextval('manual_source_id_seq')").getSingleResult();
        return String.format("MAN-%06d", next.longValue());
    }

    /** A malformed id names no entity: 404 like any other unknown id. */
    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw unknown(id);
        }
    }

    private static UnknownIdException unknown(String id) {
        return new UnknownIdException("no entity " + id);
    }
}
