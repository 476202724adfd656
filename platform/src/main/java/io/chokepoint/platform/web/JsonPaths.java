package io.chokepoint.platform.web;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Writes where Jackson stands in a document as a field path such as {@code goods[0].casNumber}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /**
     * The path of the value the parser is on. When that value opens an object or an array, Jackson has already
     * stepped inside it, so the path is read from the enclosing context.
     */
    public static String of(JsonStreamContext context, JsonToken current) {
        JsonStreamContext at = context;
        if (at != null && (current == JsonToken.START_OBJECT || current == JsonToken.START_ARRAY)) {
            at = at.getParent();
        }
        Deque<String> segments = new ArrayDeque<>();
        for (; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                segments.push("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else if (at.getCurrentName() != null) {
                segments.push("." + at.getCurrentName());
            }
        }
        return join(segments);
    }

    /** The path of a mapping failure, from the references Jackson collected on its way out. */
    public static String of(JsonMappingException failure) {
        List<JsonMappingException.Reference> references = failure.getPath();
        Deque<String> segments = new ArrayDeque<>();
        for (int i = references.size() - 1; i >= 0; i--) {
            JsonMappingException.Reference reference = references.get(i);
            if (reference.getFieldName() != null) {
                segments.push("." + reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                segments.push("[" + reference.getIndex() + "]");
            }
        }
        return join(segments);
    }

    private static String join(Deque<String> segments) {
        String path = String.join("", segments);
        if (path.startsWith(".")) {
            path = path.substring(1);
        }
        return path.isEmpty() ? FieldError.BODY : path;
    }
}
