package io.chokepoint.registry.entities;

/** An identifier under a named scheme: passport, IMO number, USCI, tax id. */
public record Identifier(String scheme, String value) {
}
