package io.chokepoint.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (Debian's {@code prometheus}) running the project's configuration,
 * {@code deploy/prometheus/prometheus.yml}, with only what a machine without container names needs changed: each
 * scrape job's target becomes the port its service runs on here, and scrapes come every second so that a test
 * need not wait for the ten-second interval. Job names, paths and rule files are the project's own.
 */
final class PrometheusProcess implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("chokepoint.e2e.prometheus", "/usr/bin/prometheus"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private PrometheusProcess(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts Prometheus on a free port, scraping each job at the given base URL (by job name). */
    static PrometheusProcess start(Path root, Map<String, String> targetsByJob, int port, Path workDir)
            throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's package prometheus "
                    + "(apt-get install prometheus; ./chokepoint test does it)");
        }
        Path configDir = Files.createDirectories(workDir.resolve("config"));
        Path config = configDir.resolve("prometheus.yml");
        Files.writeString(config, localConfig(root.resolve("deploy/prometheus"), targetsByJob));
        Path log = workDir.resolve("prometheus.log");
        String address = "127.0.0.1:" + port;
        Process process = new ProcessBuilder(BINARY.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + Files.createDirectories(workDir.resolve("data")),
                "--web.listen-address=" + address,
                "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PrometheusProcess(process, "http://" + address, log);
    }

    /** The project's configuration with local targets, a one-second scrape and rule files found where they are. */
    static String localConfig(Path projectConfigDir, Map<String, String> targetsByJob) throws IOException {
        ObjectNode config = (ObjectNode) YAML.readTree(projectConfigDir.resolve("prometheus.yml").toFile());
        ObjectNode global = (ObjectNode) config.path("global");
        global.put("scrape_interval", "1s");
        global.put("evaluation_interval", "1s");
        ArrayNode ruleFiles = JSON.createArrayNode();
        config.path("rule_files").forEach(f -> ruleFiles.add(projectConfigDir.resolve(f.asText()).toString()));
        config.set("rule_files", ruleFiles);
        for (JsonNode job : config.path("scrape_configs")) {
            String name = job.path("job_name").asText();
            String target = targetsByJob.get(name);
            if (target == null) {
                throw new IllegalStateException("scrape job " + name + " names no service of the running suite");
            }
            ArrayNode targets = JSON.createArrayNode().add(target);
            ((ObjectNode) job.path("static_configs").get(0)).set("targets", targets);
        }
        return YAML.writeValueAsString(config);
    }

    boolean isReady() {
        if (!process.isAlive()) {
            throw new IllegalStateException("prometheus exited with " + process.exitValue() + ", see " + log);
        }
        return HttpProbe.answersOk(baseUrl + "/-/ready");
    }

    /** An instant query through the HTTP API: the whole answer (status, data or error). */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** Scrape targets and their health. */
    List<JsonNode> activeTargets() throws IOException, InterruptedException {
        JsonNode targets = get("/api/v1/targets").path("data").path("activeTargets");
        return JSON.convertValue(targets, JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
    }

    /** Loaded rule groups with each rule's health. */
    JsonNode rules() throws IOException, InterruptedException {
        return get("/api/v1/rules");
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
