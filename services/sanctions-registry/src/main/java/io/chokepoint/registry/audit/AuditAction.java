package io.chokepoint.registry.audit;

/** What a change did to an entity. */
public enum AuditAction {
    CREATED,
    CHANGED,
    DELISTED
}
