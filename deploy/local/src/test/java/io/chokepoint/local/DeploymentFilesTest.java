package io.chokepoint.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.chokepoint.local.TopicLayout.TopicSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.chokepoint.local.RepositoryFiles.ROOT;
import static io.chokepoint.local.RepositoryFiles.SERVICES;
import static io.chokepoint.local.RepositoryFiles.environmentVariablesRead;
import static io.chokepoint.local.RepositoryFiles.servicePort;
import static io.chokepoint.local.RepositoryFiles.yaml;
import static io.chokepoint.local.RepositoryFiles.yamlDocuments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml, deploy/k8s and deploy/prometheus name services, ports, topics and environment variables;
 * each must be one the services as built and tested actually have.
 */
class DeploymentFilesTest {

    /** Read by the JVM itself, not by a service's configuration. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    private static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");
    private static final String METRICS_PATH = "/q/metrics";

    @Test
    void composeRunsEachServiceOnItsPortWithVariablesItReads() {
        JsonNode services = yaml("docker-compose.yml").path("services");
        Set<String> built = new TreeSet<>();
        services.fields().forEachRemaining(entry -> {
            JsonNode service = entry.getValue();
            if (!service.has("build")) {
                return;
            }
            String name = entry.getKey();
            built.add(name);
            assertTrue(SERVICES.contains(name), "compose builds an unknown service " + name);
            JsonNode build = service.path("build");
            assertTrue(Files.isRegularFile(ROOT.resolve(build.path("context").asText())
                    .resolve(build.path("dockerfile").asText())), name + ": its Dockerfile is missing");
            int port = servicePort(name);
            assertEquals(List.of(port + ":" + port), texts(service.path("ports")), name + ": published port");
            Set<String> unread = new TreeSet<>(fieldNames(service.path("environment")));
            unread.removeAll(environmentVariablesRead(name));
            assertEquals(Set.of(), unread, name + ": compose sets variables the service never reads");
            String bootstrap = service.path("environment").path("KAFKA_BOOTSTRAP_SERVERS").asText();
            assertTrue(services.has(bootstrap.split(":")[0]), name + ": broker " + bootstrap + " is no compose service");
        });
        assertEquals(new TreeSet<>(SERVICES), built, "compose runs every service");
    }

    @Test
    void kubernetesDeploymentsMatchTheServices() {
        Set<String> deployed = new TreeSet<>();
        Map<String, Set<String>> configMaps = configMapKeys();
        for (String service : SERVICES) {
            for (JsonNode document : yamlDocuments("deploy/k8s/" + service + ".yaml")) {
                String kind = document.path("kind").asText();
                int port = servicePort(service);
                if (kind.equals("Deployment")) {
                    deployed.add(document.path("metadata").path("name").asText());
                    checkDeployment(service, port, document, configMaps);
                } else if (kind.equals("Service")) {
                    assertEquals(port, document.path("spec").path("ports").get(0).path("port").asInt(),
                            service + ": Kubernetes Service port");
                }
            }
        }
        assertEquals(new TreeSet<>(SERVICES), deployed, "a Deployment per service, named after it");
    }

    private void checkDeployment(String service, int port, JsonNode deployment, Map<String, Set<String>> configMaps) {
        JsonNode pod = deployment.path("spec").path("template");
        assertEquals(String.valueOf(port), pod.path("metadata").path("annotations").path("prometheus.io/port").asText(),
                service + ": scrape port");
        assertEquals(METRICS_PATH, pod.path("metadata").path("annotations").path("prometheus.io/path").asText());
        JsonNode container = pod.path("spec").path("containers").get(0);
        assertEquals("chokepoint/" + service, container.path("image").asText(), service + ": image");
        assertEquals(port, container.path("ports").get(0).path("containerPort").asInt(), service + ": containerPort");
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            String path = container.path(probe).path("httpGet").path("path").asText();
            assertTrue(HEALTH_PATHS.contains(path), service + ": " + probe + " on " + path);
        }
        assertFalse(container.path("resources").path("requests").path("cpu").isMissingNode(), service + ": cpu request");
        assertFalse(container.path("resources").path("requests").path("memory").isMissingNode(), service + ": memory");

        Set<String> variables = new TreeSet<>();
        container.path("env").forEach(env -> variables.add(env.path("name").asText()));
        container.path("envFrom").forEach(from -> {
            String map = from.path("configMapRef").path("name").asText();
            assertTrue(configMaps.containsKey(map), service + ": unknown ConfigMap " + map);
            variables.addAll(configMaps.get(map));
        });
        variables.removeAll(environmentVariablesRead(service));
        variables.removeAll(JVM_VARIABLES);
        assertEquals(Set.of(), variables, service + ": Kubernetes sets variables the service never reads");
    }

    @Test
    void kustomizationNamesFilesThatExist() {
        JsonNode kustomization = yaml("deploy/k8s/kustomization.yaml");
        for (String resource : texts(kustomization.path("resources"))) {
            assertTrue(Files.isRegularFile(ROOT.resolve("deploy/k8s").resolve(resource)), "missing " + resource);
        }
        Set<String> images = new TreeSet<>();
        kustomization.path("images").forEach(image -> images.add(image.path("name").asText()));
        assertEquals(SERVICES.stream().map(s -> "chokepoint/" + s).collect(Collectors.toCollection(TreeSet::new)),
                images);
    }

    @Test
    void strimziTopicsCarryTheTopicLayout() {
        Map<String, TopicSpec> layout = TopicLayout.specs().stream()
                .collect(Collectors.toMap(TopicSpec::name, spec -> spec));
        Map<String, Map<String, String>> declared = new HashMap<>();
        for (JsonNode topic : yamlDocuments("deploy/k8s/kafka-topics.yaml")) {
            assertEquals("KafkaTopic", topic.path("kind").asText());
            assertEquals("chokepoint", topic.path("metadata").path("labels").path("strimzi.io/cluster").asText());
            JsonNode spec = topic.path("spec");
            String name = spec.path("topicName").asText();
            TopicSpec expected = layout.get(name);
            assertTrue(expected != null, "KafkaTopic " + name + " is not in topics.properties");
            assertEquals(expected.partitions(), spec.path("partitions").asInt(), name + ": partitions");
            Map<String, String> config = new HashMap<>();
            spec.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            expected.configs().forEach((key, value) -> assertEquals(value, config.get(key), name + ": " + key));
            if (!expected.compact()) {
                assertFalse("compact".equals(config.get("cleanup.policy")), name + " is not compacted locally");
            }
            declared.put(name, config);
        }
        assertEquals(layout.keySet(), declared.keySet(), "a KafkaTopic for every topic of the layout");
    }

    @Test
    void everyTopicAServiceUsesIsInTheLayout() {
        Set<String> layout = TopicLayout.specs().stream().map(TopicSpec::name).collect(Collectors.toSet());
        Set<String> used = new HashSet<>();
        for (String service : SERVICES) {
            for (String topic : RepositoryFiles.topicsConfigured(service)) {
                assertTrue(layout.contains(topic), service + " uses topic " + topic + ", missing from the layout");
                used.add(topic);
            }
        }
        for (String topic : layout) {
            if (topic.endsWith(".dlq")) {
                String consumed = topic.substring(0, topic.length() - ".dlq".length());
                assertTrue(used.contains(consumed), topic + ": no service consumes " + consumed);
            }
        }
    }

    @Test
    void prometheusScrapesEveryServiceWhereComposeRunsIt() {
        JsonNode compose = yaml("docker-compose.yml").path("services");
        Set<String> jobs = new TreeSet<>();
        for (JsonNode job : yaml("deploy/prometheus/prometheus.yml").path("scrape_configs")) {
            String name = job.path("job_name").asText();
            jobs.add(name);
            assertEquals(METRICS_PATH, job.path("metrics_path").asText(), name + ": metrics path");
            List<String> targets = texts(job.path("static_configs").get(0).path("targets"));
            assertEquals(List.of(name + ":" + servicePort(name)), targets, name + ": scrape target");
            assertTrue(compose.has(name), name + " is no compose service");
        }
        assertEquals(new TreeSet<>(SERVICES), jobs, "a scrape job per service");

        JsonNode datasource = yaml("deploy/grafana/provisioning/datasources/prometheus.yml").path("datasources").get(0);
        assertEquals("http://prometheus:9090", datasource.path("url").asText());
        assertTrue(compose.has("prometheus") && compose.has("grafana"), "compose runs Prometheus and Grafana");
    }

    private static Map<String, Set<String>> configMapKeys() {
        Map<String, Set<String>> maps = new HashMap<>();
        for (JsonNode document : yamlDocuments("deploy/k8s/config.yaml")) {
            if (document.path("kind").asText().equals("ConfigMap")) {
                maps.put(document.path("metadata").path("name").asText(), fieldNames(document.path("data")));
            }
        }
        return maps;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
