package io.chokepoint.monitor.errors;

/** The body of an answer that needs one sentence, such as a 404 for an unknown id. */
public record MessageResponse(String message) {
}
