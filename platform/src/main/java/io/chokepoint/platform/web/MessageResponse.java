package io.chokepoint.platform.web;

/** The body of an answer that needs one sentence: a 404 for an unknown id, a 409, a 500. */
public record MessageResponse(String message) {
}
