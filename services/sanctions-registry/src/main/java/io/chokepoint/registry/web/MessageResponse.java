package io.chokepoint.registry.web;

/** A 404 or 409 answer. */
public record MessageResponse(String message) {
}
