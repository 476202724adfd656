package io.chokepoint.local.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The true kind of each goods line of an evaluation set. The set labels events, not lines: a line is benign
 * when its description also appears in an event of a benign-goods category, and otherwise it is of the kind
 * its event's category names (a controlled shipment may carry benign lines beside the controlled one).
 */
final class GoodsTruth {

    private static final Map<String, String> KIND_BY_CATEGORY = Map.of(
            "P", "PRECURSOR", "PS", "PRECURSOR", "ES", "TABLETING_EQUIPMENT", "C", "BENIGN", "S", "BENIGN");

    private final Set<String> benignDescriptions = new HashSet<>();

    GoodsTruth(List<EvaluationCase> cases) {
        for (EvaluationCase c : cases) {
            if ("BENIGN".equals(KIND_BY_CATEGORY.get(c.category()))) {
                c.event().path("goods").forEach(line -> benignDescriptions.add(key(line)));
            }
        }
    }

    String kindOf(EvaluationCase c, JsonNode line) {
        if (benignDescriptions.contains(key(line))) {
            return "BENIGN";
        }
        return KIND_BY_CATEGORY.getOrDefault(c.category(), "UNKNOWN");
    }

    private static String key(JsonNode line) {
        return line.path("description").asText().toLowerCase(Locale.ROOT).trim();
    }
}
