package io.chokepoint.platform.web;

/**
 * One problem with a request.
 *
 * @param field   where the problem is, as a JSON path such as {@code goods[0].casNumber} (or a query parameter or
 *                header name); {@value #BODY} for the whole body
 * @param message what is wrong, in words
 */
public record FieldError(String field, String message) {

    public static final String BODY = "body";
}
