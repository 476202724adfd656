package io.chokepoint.monitor.errors;

/**
 * One problem with submitted input.
 *
 * @param field where the problem is, as a path such as {@code goods[0].casNumber}; {@code body} for the whole input
 * @param message what is wrong, in words
 */
public record FieldError(String field, String message) {

    public static final String BODY = "body";
}
