package io.chokepoint.platform.web;

import java.util.List;

/** The body of every 400 answer: all the problems found, not just the first. */
public record ErrorResponse(List<FieldError> errors) {

    public static ErrorResponse of(String field, String message) {
        return new ErrorResponse(List.of(new FieldError(field, message)));
    }
}
