package io.chokepoint.registry.entities;

/** Whether an entry is on a list now. A delisted entry is kept, readable, and never matched. */
public enum EntityStatus {
    LISTED,
    DELISTED
}
