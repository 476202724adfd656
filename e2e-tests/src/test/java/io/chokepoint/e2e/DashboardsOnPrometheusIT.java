package io.chokepoint.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.chokepoint.e2e.DashboardPanels.PanelQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operators' view, checked for real: Prometheus (Debian's package) runs the project's configuration against
 * the running suite, traffic goes through every service, then every query of every Grafana dashboard panel is
 * evaluated through Prometheus' HTTP API and must parse and return data; the project's alerting rules must load
 * and evaluate.
 */
@ExtendWith(RunningSuite.class)
class DashboardsOnPrometheusIT {

    private static final Path ROOT = Path.of(System.getProperty("chokepoint.root", "..")).toAbsolutePath().normalize();
    private static final Duration DATA_TIMEOUT = Duration.ofSeconds(120);
    private static PrometheusProcess prometheus;
    private static OperatorTraffic traffic;

    @BeforeAll
    static void startPrometheusAndSendTraffic() throws Exception {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String service : List.of("shipment-monitor", "sanctions-registry", "alerting")) {
            targets.put(service, RunningSuite.url(service).replace("http://", ""));
        }
        prometheus = PrometheusProcess.start(ROOT, targets, RunningSuite.freePort(), Path.of("target/prometheus"));
        await("prometheus ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(prometheus::isReady);
        await("every service scraped").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> prometheus.activeTargets().stream().filter(t -> t.path("health").asText().equals("up"))
                        .count() == targets.size());
        traffic = new OperatorTraffic(ROOT);
        traffic.send();
    }

    @AfterAll
    static void stop() throws Exception {
        if (traffic != null) {
            traffic.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void everyDashboardPanelReturnsData() throws Exception {
        List<PanelQuery> queries = DashboardPanels.all(ROOT);
        assertTrue(queries.size() >= 30, "the dashboards hold " + queries.size() + " queries");
        List<String> failing = new ArrayList<>();
        try {
            await("every panel query returns data").atMost(DATA_TIMEOUT).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        failing.clear();
                        for (PanelQuery query : queries) {
                            String problem = problem(prometheus.query(query.promql()));
                            if (problem != null) {
                                failing.add(query + " -> " + problem);
                            }
                        }
                        return failing.isEmpty();
                    });
        } finally {
            assertEquals(List.of(), failing, "panel queries without data");
        }
    }

    @Test
    void alertingRulesLoadAndEvaluate() throws Exception {
        await("rules evaluated").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> rules(prometheus.rules()).stream().allMatch(r -> !r.path("lastEvaluation").asText()
                        .startsWith("0001")));
        List<JsonNode> rules = rules(prometheus.rules());
        assertTrue(rules.size() >= 5, "rules loaded: " + rules.size());
        for (JsonNode rule : rules) {
            assertEquals("ok", rule.path("health").asText(), rule.path("name").asText() + ": " + rule.path("lastError"));
        }
    }

    private static List<JsonNode> rules(JsonNode answer) {
        List<JsonNode> rules = new ArrayList<>();
        answer.path("data").path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    /** Null when the answer is a successful, non-empty result; otherwise what is wrong with it. */
    private static String problem(JsonNode answer) {
        if (!"success".equals(answer.path("status").asText())) {
            return answer.path("errorType").asText() + ": " + answer.path("error").asText();
        }
        JsonNode result = answer.path("data").path("result");
        return result.isArray() && result.size() > 0 ? null : "no data";
    }
}
