package io.chokepoint.platform.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Says in words, and at which field, why a JSON document could not be read. */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** Whether the failure is the reader's input's fault (bad syntax, a value of the wrong type or shape). */
    public static boolean isBadInput(Throwable failure) {
        return failure instanceof JsonParseException || failure instanceof MismatchedInputException;
    }

    /** The problem as a field error: the whole body for bad syntax, the value's path for a wrong type. */
    public static FieldError of(JsonProcessingException failure) {
        if (failure instanceof JsonParseException) {
            return new FieldError(FieldError.BODY, syntaxMessage(failure));
        }
        String field = failure instanceof MismatchedInputException mismatched
                ? JsonPaths.of(mismatched) : FieldError.BODY;
        if (failure instanceof UnrecognizedPropertyException) {
            return new FieldError(field, "is not a known field");
        }
        if (failure instanceof InvalidFormatException invalid) {
            return new FieldError(field, invalidValue(invalid));
        }
        if (failure instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new FieldError(field, "must be " + describe(mismatched.getTargetType()));
        }
        return new FieldError(field, "cannot be read: " + firstLine(failure.getOriginalMessage()));
    }

    /** {@code malformed JSON at line 1, column 15: <what the parser met>}. */
    public static String syntaxMessage(JsonProcessingException failure) {
        JsonLocation location = failure.getLocation();
        String where = location == null ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "malformed JSON" + where + ": " + firstLine(failure.getOriginalMessage());
    }

    /** What a value of the type looks like, for a message such as {@code must be an integer}. */
    public static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-11-28T10:15:00Z";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type) || type == double.class
                || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /** What the parser met, for a message such as {@code expected an integer, got an object}. */
    public static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private static String invalidValue(InvalidFormatException invalid) {
        Class<?> target = invalid.getTargetType();
        if (target != null && (target.isEnum() || target == Instant.class)) {
            return "must be " + describe(target) + ", got '" + invalid.getValue() + "'";
        }
        return "has an invalid value '" + invalid.getValue() + "'";
    }

    /** Jackson's own words, without the parser internals it appends. */
    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String text = message;
        for (String noise : List.of("\n", " (start marker at", " at [Source:")) {
            int at = text.indexOf(noise);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        return text;
    }
}
