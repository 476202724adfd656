package io.chokepoint.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.registry.entities.EntityType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of an evaluation set: {@code {"query","type","kind","expect":{"source","sourceId","name"} or null}}.
 *
 * @param expectedSourceId null for a negative: nothing should match
 */
public record EvaluationCase(String query, EntityType type, String kind, String expectedSource,
                             String expectedSourceId, String expectedName) {

    public boolean negative() {
        return expectedSourceId == null;
    }

    public static List<EvaluationCase> read(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        List<EvaluationCase> cases = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    cases.add(of(mapper.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static EvaluationCase of(JsonNode node) {
        JsonNode type = node.get("type");
        JsonNode expect = node.get("expect");
        boolean none = expect == null || expect.isNull();
        return new EvaluationCase(node.get("query").asText(),
                type == null || type.isNull() ? null : EntityType.valueOf(type.asText().toUpperCase(Locale.ROOT)),
                node.get("kind").asText(),
                none ? null : expect.get("source").asText(),
                none ? null : expect.get("sourceId").asText(),
                none ? null : expect.get("name").asText());
    }
}
