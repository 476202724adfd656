package io.chokepoint.registry.entities;

/** What kind of party a sanctions entry names. */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    VESSEL,
    AIRCRAFT
}
