package io.chokepoint.registry.audit;

/** What a change did to an entity. */
public enum AuditAction {
    CREATED,
    CHANGED,
    DELISTED,
    /** Listed again after a delisting; counts as an addition in its list version. */
    RELISTED
}
