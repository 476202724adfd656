package io.chokepoint.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every query of every panel of the Grafana dashboards in {@code deploy/grafana/dashboards}. */
final class DashboardPanels {

    /** Grafana's built-in variables, as Grafana would fill them for a one-hour view scraped every second. */
    private static final Map<String, String> GRAFANA_VARIABLES = Map.of(
            "$__rate_interval", "1m",
            "$__interval", "15s",
            "$__range", "1h");

    record PanelQuery(String dashboard, String panel, String refId, String expr) {

        /** The expression as Prometheus receives it from Grafana. */
        String promql() {
            String promql = expr;
            for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
                promql = promql.replace(variable.getKey(), variable.getValue());
            }
            return promql;
        }

        @Override
        public String toString() {
            return dashboard + " / \"" + panel + "\" " + refId + ": " + promql();
        }
    }

    private DashboardPanels() {
    }

    static List<PanelQuery> all(Path root) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<PanelQuery> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("deploy/grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(file.toFile());
                String title = dashboard.path("title").asText();
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        queries.add(new PanelQuery(title, panel.path("title").asText(),
                                target.path("refId").asText(), target.path("expr").asText()));
                    }
                }
            }
        }
        return queries;
    }
}
