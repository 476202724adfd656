package io.chokepoint.registry.screening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.screening.Match;
import io.chokepoint.registry.entities.EntityType;
import io.chokepoint.registry.imports.ImportFile;
import io.chokepoint.registry.imports.ImportProblems;
import io.chokepoint.registry.imports.ImportedEntity;
import io.chokepoint.registry.imports.OfacCsvParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accuracy targets, so that a change that breaks them fails the build: the development evaluation set (a copy
 * of ../shared/eval/names-dev.jsonl) against the OFAC snapshot of the import tests, with the service's default
 * settings and threshold. Recall at least 99% (the expected entry among the matches), false positives at most 0.5%
 * (a query naming no listed entry with any match). The full report by kind: benchmarks/NameScreeningEvaluation.
 */
class ScreeningAccuracyTest {

    private static final double MIN_RECALL = 0.99;
    private static final double MAX_FALSE_POSITIVES = 0.005;

    private static ScreeningEngine engine;
    private static double threshold;
    private static final List<JsonNode> CASES = new ArrayList<>();

    @BeforeAll
    static void screenTheOfacSnapshot() throws IOException {
        List<ImportedEntity> listed = new OfacCsvParser(new ImportProblems(20)).parse(
                resource("sdn", "imports/ofac/sdn.csv"), resource("alt", "imports/ofac/alt.csv"),
                resource("add", "imports/ofac/add.csv")).entities();
        engine = new ScreeningEngine(MatcherSettings.defaults(), SuppressionLookup.NONE);
        engine.apply(listed.stream().map(ScreeningAccuracyTest::screenable).toList(), "ofac-test-snapshot", 1);
        threshold = ScreeningDefaults.load().alertThreshold();
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open("screening/names-dev.jsonl"),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    CASES.add(mapper.readTree(line));
                }
            }
        }
    }

    @Test
    void meetsTheRecallAndFalsePositiveTargetsAtTheDefaultThreshold() {
        int positives = 0;
        int found = 0;
        int negatives = 0;
        int falsePositives = 0;
        List<String> problems = new ArrayList<>();
        for (JsonNode c : CASES) {
            List<Match> matches = engine.screen(new ScreeningQuery(c.get("query").asText(),
                    EntityType.valueOf(c.get("type").asText()), null, List.of(), threshold, 10)).matches();
            JsonNode expect = c.get("expect");
            if (expect == null || expect.isNull()) {
                negatives++;
                if (!matches.isEmpty()) {
                    falsePositives++;
                    problems.add("false positive: " + c.get("query").asText() + " -> " + matches.get(0).name());
                }
            } else {
                positives++;
                String sourceId = expect.get("sourceId").asText();
                if (matches.stream().anyMatch(m -> m.sourceId().equals(sourceId))) {
                    found++;
                } else {
                    problems.add("missed: " + c.get("query").asText() + " (" + c.get("kind").asText() + ")");
                }
            }
        }
        assertEquals(2000, positives + negatives, "the whole development set");
        double recall = (double) found / positives;
        double falsePositiveRate = (double) falsePositives / negatives;
        String report = String.format("recall %.4f, false positives %.4f: %s", recall, falsePositiveRate,
                problems.subList(0, Math.min(20, problems.size())));
        assertTrue(recall >= MIN_RECALL, report);
        assertTrue(falsePositiveRate <= MAX_FALSE_POSITIVES, report);
    }

    private static ScreenableEntity screenable(ImportedEntity e) {
        return ScreenableEntity.of(e.source() + ":" + e.sourceId(), e.source(), e.sourceId(), e.type(), e.name(),
                e.aliases(), e.countries(), e.addresses(), e.identifiers(), e.programs(), 1, true);
    }

    private static ImportFile resource(String part, String path) throws IOException {
        try (InputStream in = open(path)) {
            return ImportFile.of(part, path.substring(path.lastIndexOf('/') + 1), in.readAllBytes());
        }
    }

    private static InputStream open(String path) {
        InputStream in = ScreeningAccuracyTest.class.getResourceAsStream("/" + path);
        if (in == null) {
            throw new IllegalStateException("no test resource " + path);
        }
        return in;
    }
}
