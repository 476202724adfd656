package io.chokepoint.alerting.web;

/** One problem with a request, naming the field (or query parameter) it concerns. */
public record FieldError(String field, String message) {
}
