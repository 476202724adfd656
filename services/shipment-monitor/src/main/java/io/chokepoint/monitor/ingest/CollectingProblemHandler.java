package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import io.chokepoint.monitor.errors.FieldError;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lets Jackson carry on past a value of the wrong type (an unknown eventType, a date that is not a date, an object
 * where a string belongs), recording each as a field error and reading null instead, so that one answer can name
 * every problem. One instance serves one document.
 */
final class CollectingProblemHandler extends DeserializationProblemHandler {

    private final List<FieldError> errors = new ArrayList<>();

    List<FieldError> errors() {
        return errors;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                                         String failureMsg) {
        JsonParser parser = ctxt.getParser();
        record(parser, "'" + value + "' is not " + describe(targetType));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                                         String failureMsg) {
        record(ctxt.getParser(), value + " is not " + describe(targetType));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                                        JsonParser parser, String failureMsg) throws IOException {
        record(parser, "expected " + describe(targetType.getRawClass()) + ", got " + describe(token));
        parser.skipChildren();
        return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                            ValueInstantiator valueInsts, JsonParser parser, String msg)
            throws IOException {
        record(parser, "expected an object, got " + describe(parser.currentToken()));
        parser.skipChildren();
        return null;
    }

    private void record(JsonParser parser, String message) {
        errors.add(new FieldError(JsonPaths.of(parser.getParsingContext(), parser.currentToken()), message));
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-11-28T10:15:00Z";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String describe(JsonToken token) {
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
}
