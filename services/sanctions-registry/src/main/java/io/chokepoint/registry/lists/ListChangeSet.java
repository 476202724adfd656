package io.chokepoint.registry.lists;

import io.chokepoint.registry.audit.AuditAction;
import io.chokepoint.registry.audit.ChangeRequest;
import io.chokepoint.registry.entities.EntityView;
import io.chokepoint.registry.entities.SanctionedEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The changes that will form one list version: a manual change adds one, an import adds thousands.
 * Record each change after applying it to the managed entity, then {@link #commit()} once, in the same
 * transaction, also when nothing changed (the request is recorded as accepted either way). Not thread-safe; lives
 * as long as the transaction.
 */
public final class ListChangeSet {

    private final ListVersions versions;
    private final String source;
    private final ChangeRequest request;
    private final String description;
    private final List<Change> changes = new ArrayList<>();

    ListChangeSet(ListVersions versions, String source, ChangeRequest request, String description) {
        this.versions = versions;
        this.source = source;
        this.request = request;
        this.description = description;
    }

    /** A new entity, already persisted. */
    public void added(SanctionedEntity entity) {
        changes.add(new Change(AuditAction.CREATED, null, entity));
    }

    /** A changed entity; {@code before} is its view taken before the change. */
    public void changed(EntityView before, SanctionedEntity entity) {
        changes.add(new Change(AuditAction.CHANGED, before, entity));
    }

    /** A delisted entity; {@code before} is its view taken before delisting. */
    public void delisted(EntityView before, SanctionedEntity entity) {
        changes.add(new Change(AuditAction.DELISTED, before, entity));
    }

    /** A delisted entity listed again, already relisted and updated; {@code before} is its delisted view. */
    public void relisted(EntityView before, SanctionedEntity entity) {
        changes.add(new Change(AuditAction.RELISTED, before, entity));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * Issues the version, audits and publishes every change, and records the request as applied; when no change was
     * recorded, only records the request as accepted without a version.
     */
    public Optional<ListVersion> commit() {
        return versions.commit(this);
    }

    String source() {
        return source;
    }

    String actor() {
        return request.actor();
    }

    ChangeRequest request() {
        return request;
    }

    String description() {
        return description;
    }

    List<Change> changes() {
        return changes;
    }

    int count(AuditAction action) {
        return (int) changes.stream().filter(c -> c.action() == action).count();
    }

    record Change(AuditAction action, EntityView before, SanctionedEntity entity) {
    }
}
