package io.chokepoint.alerting.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The body of every error answer: the problems of a bad request, or a message for anything else. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(List<FieldError> errors, String message) {

    public static ErrorResponse of(List<FieldError> errors) {
        return new ErrorResponse(errors, null);
    }

    public static ErrorResponse message(String message) {
        return new ErrorResponse(null, message);
    }
}
