package io.chokepoint.registry.web;

import java.util.List;

/** The 400 answer: every problem of the request at once. */
public record ErrorResponse(List<FieldError> errors) {
}
