package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.platform.web.FieldError;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@value #NAME} header of a dead-lettered inbound record: every problem of the event as
 * {@code [{"field","message"}]}, the shape a REST caller gets, so that a partner reads both the same way.
 */
final class ErrorsHeader {

    static final String NAME = "chokepoint-errors";

    /** The field errors are plain records: the default mapper writes them as the REST answers do. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorsHeader() {
    }

    static Map<String, byte[]> of(List<FieldError> errors) {
        return Map.of(NAME, json(errors));
    }

    private static byte[] json(List<FieldError> errors) {
        try {
            return MAPPER.writeValueAsBytes(errors);
        } catch (JsonProcessingException e) {
            return errors.stream().map(error -> error.field() + ": " + error.message())
                    .collect(Collectors.joining("; ")).getBytes(StandardCharsets.UTF_8);
        }
    }
}
