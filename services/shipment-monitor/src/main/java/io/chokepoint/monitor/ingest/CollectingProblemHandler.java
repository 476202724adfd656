package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.JsonErrors;
import io.chokepoint.platform.web.JsonPaths;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
        record(parser, "'" + value + "' is not " + JsonErrors.describe(targetType));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                                         String failureMsg) {
        record(ctxt.getParser(), value + " is not " + JsonErrors.describe(targetType));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
                                        JsonParser parser, String failureMsg) throws IOException {
        record(parser, "expected " + JsonErrors.describe(targetType.getRawClass())
                + ", got " + JsonErrors.describe(token));
        parser.skipChildren();
        return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                            ValueInstantiator valueInsts, JsonParser parser, String msg)
            throws IOException {
        record(parser, "expected an object, got " + JsonErrors.describe(parser.currentToken()));
        parser.skipChildren();
        return null;
    }

    private void record(JsonParser parser, String message) {
        errors.add(new FieldError(JsonPaths.of(parser.getParsingContext(), parser.currentToken()), message));
    }
}
