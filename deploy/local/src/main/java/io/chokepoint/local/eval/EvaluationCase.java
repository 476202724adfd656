package io.chokepoint.local.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of a shipments evaluation set: a category, the event, and the alert it must raise (or null).
 * Each run gives the event fresh ids so that a suite that has seen the set before still processes it anew.
 */
record EvaluationCase(String category, ObjectNode event, String expectedAlert, String expectedSourceId) {

    static EvaluationCase from(JsonNode line, String runId) {
        ObjectNode event = line.path("event").deepCopy();
        event.put("eventId", event.path("eventId").asText() + "-" + runId);
        event.put("declarationId", event.path("declarationId").asText() + "-" + runId);
        JsonNode expect = line.path("expect");
        return new EvaluationCase(line.path("category").asText(), event,
                expect.path("alert").isTextual() ? expect.path("alert").asText() : null,
                expect.path("sourceId").isTextual() ? expect.path("sourceId").asText() : null);
    }

    String declarationId() {
        return event.path("declarationId").asText();
    }
}
