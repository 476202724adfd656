package io.chokepoint.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.chokepoint.local.RepositoryFiles.ROOT;
import static io.chokepoint.local.RepositoryFiles.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Grafana dashboards are well-formed for file provisioning: unique uids, panels that fit the 24-column grid
 * without overlapping, each query on the provisioned Prometheus datasource. Whether the queries return data is
 * checked against a real Prometheus by the end-to-end tests.
 */
class DashboardFilesTest {

    private static final Set<String> PANEL_TYPES = Set.of("timeseries", "stat", "gauge", "bargauge", "table");
    private static final int GRID_COLUMNS = 24;

    @Test
    void everyDashboardIsWellFormed() throws IOException {
        String datasourceUid = yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
                .path("datasources").get(0).path("uid").asText();
        List<Path> files = dashboards();
        assertTrue(files.size() >= 4, "pipeline, screening, alerts and runtime dashboards");
        Set<String> uids = new HashSet<>();
        for (Path file : files) {
            JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
            String name = file.getFileName().toString();
            assertTrue(uids.add(dashboard.path("uid").asText()), name + ": uid used twice");
            assertFalse(dashboard.path("title").asText().isBlank(), name + ": title");
            assertTrue(dashboard.path("panels").size() > 0, name + ": no panels");
            checkPanels(name, dashboard.path("panels"), datasourceUid);
        }
    }

    private void checkPanels(String dashboard, JsonNode panels, String datasourceUid) {
        Set<Integer> ids = new HashSet<>();
        boolean[][] cells = new boolean[200][GRID_COLUMNS];
        for (JsonNode panel : panels) {
            String where = dashboard + " panel \"" + panel.path("title").asText() + "\"";
            assertTrue(ids.add(panel.path("id").asInt()), where + ": id used twice");
            assertTrue(PANEL_TYPES.contains(panel.path("type").asText()), where + ": panel type");
            assertFalse(panel.path("title").asText().isBlank(), where + ": title");
            occupy(where, panel.path("gridPos"), cells);
            assertEquals(datasourceUid, panel.path("datasource").path("uid").asText(), where + ": datasource");
            assertTrue(panel.path("targets").size() > 0, where + ": no query");
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertTrue(refIds.add(target.path("refId").asText()), where + ": refId used twice");
                assertFalse(target.path("expr").asText().isBlank(), where + ": empty query");
                assertEquals(datasourceUid, target.path("datasource").path("uid").asText(), where + ": datasource");
                assertBalanced(where, target.path("expr").asText());
            }
        }
    }

    private static void occupy(String where, JsonNode grid, boolean[][] cells) {
        int x = grid.path("x").asInt(), y = grid.path("y").asInt(), w = grid.path("w").asInt(), h = grid.path("h").asInt();
        assertTrue(w > 0 && h > 0 && x >= 0 && y >= 0 && x + w <= GRID_COLUMNS && y + h <= cells.length,
                where + ": gridPos " + grid);
        for (int row = y; row < y + h; row++) {
            for (int column = x; column < x + w; column++) {
                assertFalse(cells[row][column], where + ": overlaps another panel");
                cells[row][column] = true;
            }
        }
    }

    private static void assertBalanced(String where, String expr) {
        int depth = 0;
        for (char c : expr.toCharArray()) {
            depth += switch (c) {
                case '(', '[', '{' -> 1;
                case ')', ']', '}' -> -1;
                default -> 0;
            };
            assertTrue(depth >= 0, where + ": unbalanced brackets in " + expr);
        }
        assertEquals(0, depth, where + ": unbalanced brackets in " + expr);
    }

    private static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
