package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.JsonErrors;
import io.chokepoint.platform.web.JsonPaths;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns submitted JSON into shipment events. Syntax is checked first (a document that cannot be parsed has one
 * problem: where it breaks); then every value of the wrong type is reported, not just the first one.
 */
public class ShipmentEventReader {

    private static final String NUL_ESCAPE = "\\u0000";

    private final ObjectMapper mapper;

    public ShipmentEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A parsed document, or the reason it could not be parsed. */
    public record Document(JsonNode root, FieldError syntaxError) {
        public boolean isReadable() {
            return syntaxError == null;
        }
    }

    /** What was read from one event: the event (null when hopeless) and the type errors met on the way. */
    public record Reading(ShipmentEvent event, List<FieldError> errors) {
    }

    public Document parse(String text) {
        if (text == null || text.isBlank()) {
            return new Document(null, new FieldError(FieldError.BODY, "the body is empty"));
        }
        if (text.contains(NUL_ESCAPE)) {
            // PostgreSQL jsonb (where assessments are kept) cannot hold NUL; no field of a shipment event needs it.
            return new Document(null, new FieldError(FieldError.BODY, "the NUL character (\\u0000) is not accepted"));
        }
        try {
            JsonNode root = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
            if (root == null || root.isMissingNode()) {
                return new Document(null, new FieldError(FieldError.BODY, "the body is empty"));
            }
            return new Document(root, null);
        } catch (JsonProcessingException e) {
            return new Document(null, syntaxError(e));
        }
    }

    public Reading read(JsonNode node) {
        if (node == null || node.isNull()) {
            return new Reading(null, List.of(new FieldError(FieldError.BODY, "a shipment event is required")));
        }
        if (!node.isObject()) {
            return new Reading(null, List.of(new FieldError(FieldError.BODY,
                    "expected a JSON object (a shipment event), got " + node.getNodeType().name().toLowerCase())));
        }
        CollectingProblemHandler handler = new CollectingProblemHandler();
        ObjectReader reader = mapper.readerFor(ShipmentEvent.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withHandler(handler);
        try {
            ShipmentEvent event = reader.readValue(node);
            return new Reading(event, handler.errors());
        } catch (JsonMappingException e) {
            List<FieldError> errors = new ArrayList<>(handler.errors());
            errors.add(new FieldError(JsonPaths.of(e), e.getOriginalMessage()));
            return new Reading(null, errors);
        } catch (IOException e) {
            return new Reading(null, List.of(new FieldError(FieldError.BODY, e.getMessage())));
        }
    }

    /** Where the syntax breaks: the path the parser had reached, and its own words. */
    private static FieldError syntaxError(JsonProcessingException e) {
        String field = FieldError.BODY;
        if (e.getProcessor() instanceof JsonParser parser) {
            field = JsonPaths.of(parser.getParsingContext(), null);
        }
        return new FieldError(field, JsonErrors.syntaxMessage(e));
    }
}
