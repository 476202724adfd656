package io.chokepoint.registry.web;

/** One problem with a request, naming the field as a JSON path ("identifiers[0].value"). */
public record FieldError(String field, String message) {
}
