package io.chokepoint.alerting.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.platform.web.InvalidRequestException;
import io.chokepoint.platform.web.JsonErrors;

import java.util.List;

/**
 * The body of {@code POST /api/v1/alerts/{id}/transitions}, as sent.
 *
 * @param status   ACKNOWLEDGED, ESCALATED, CONFIRMED or DISMISSED
 * @param reason   {@code {"code", "text"}}, or just a text; a dismissal needs a code
 * @param assignee who works on the alert from now on; unchanged when absent
 * @param note     free text kept in the history with the move
 */
public record TransitionRequest(String status, JsonNode reason, String assignee, String note) {

    /**
     * The body read by the service itself rather than before the resource is called, so that a body that is not
     * JSON is refused (400, as every other unreadable body) and audited like any other refusal. Null when empty.
     */
    static TransitionRequest read(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(body, TransitionRequest.class);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(JsonErrors.of(e)));
        }
    }

    /** The reason code as sent, if the reason is an object with a textual code. */
    String reasonCode() {
        JsonNode code = reason == null ? null : reason.get("code");
        return code != null && code.isTextual() ? code.asText() : null;
    }
}
