package io.chokepoint.local.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a shipments evaluation set: a category, the event, and the alert it must raise (or null).
 * Each run gives the event fresh ids so that a suite that has seen the set before still processes it anew.
 */
public record EvaluationCase(String category, ObjectNode event, String expectedAlert, String expectedSourceId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static EvaluationCase from(JsonNode line, String runId) {
        EvaluationCase parsed = parse(line);
        return parsed.withIds(parsed.eventId() + "-" + runId, parsed.declarationId() + "-" + runId);
    }

    private static EvaluationCase parse(JsonNode line) {
        JsonNode expect = line.path("expect");
        return new EvaluationCase(line.path("category").asText(), line.path("event").deepCopy(),
                expect.path("alert").isTextual() ? expect.path("alert").asText() : null,
                expect.path("sourceId").isTextual() ? expect.path("sourceId").asText() : null);
    }

    /** Every case of a JSON-lines evaluation set, with the ids of this run ({@code runId} appended). */
    public static List<EvaluationCase> read(Path file, String runId) throws IOException {
        List<EvaluationCase> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                cases.add(from(JSON.readTree(line), runId));
            }
        }
        return cases;
    }

    /** The same case as an event of its own: a copy of the event under the given ids, expecting the same alert. */
    public EvaluationCase withIds(String eventId, String declarationId) {
        ObjectNode copy = event.deepCopy();
        copy.put("eventId", eventId);
        copy.put("declarationId", declarationId);
        return new EvaluationCase(category, copy, expectedAlert, expectedSourceId);
    }

    public String eventId() {
        return event.path("eventId").asText();
    }

    public String declarationId() {
        return event.path("declarationId").asText();
    }

    public String reportingAgency() {
        return event.path("reportingAgency").asText();
    }
}
