package io.chokepoint.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.chokepoint.local.TopicLayout.TopicSpec;
import io.chokepoint.local.tokens.AccessToken;
import io.chokepoint.local.tokens.SigningKeys;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import static io.chokepoint.local.RepositoryFiles.serviceConfig;
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
    private static final String LOOPBACK = "127.0.0.1";
    private static final String STRIMZI_API = "kafka.strimzi.io/v1beta2";
    private static final String KAFKA_CLUSTER = "chokepoint";
    /** The Strimzi listener the services use (README.md): TLS on 9093, SCRAM-SHA-512 sign-in. */
    private static final String KAFKA_BOOTSTRAP = KAFKA_CLUSTER + "-kafka-bootstrap:9093";
    private static final String KAFKA_CA_SECRET = KAFKA_CLUSTER + "-cluster-ca-cert";
    private static final Set<String> READ = Set.of("Read", "Describe");
    private static final Set<String> WRITE = Set.of("Write", "Describe");
    /** The Kafka client settings each service takes from its environment where it runs deployed. */
    private static final Map<String, String> KAFKA_SECURITY = Map.of(
            "%prod.kafka.security.protocol", "KAFKA_SECURITY_PROTOCOL",
            "%prod.kafka.sasl.mechanism", "KAFKA_SASL_MECHANISM",
            "%prod.kafka.sasl.jaas.config", "KAFKA_SASL_JAAS_CONFIG",
            "%prod.kafka.ssl.truststore.type", "KAFKA_SSL_TRUSTSTORE_TYPE",
            "%prod.kafka.ssl.truststore.location", "KAFKA_SSL_TRUSTSTORE_LOCATION");

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
            assertEquals(List.of(LOOPBACK + ":" + port + ":" + port), texts(service.path("ports")), name + ": published port");
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
    void composePublishesPortsOnLoopbackOnly() {
        yaml("docker-compose.yml").path("services").fields().forEachRemaining(entry -> {
            for (String port : texts(entry.getValue().path("ports"))) {
                assertTrue(port.startsWith(LOOPBACK + ":"), entry.getKey() + " publishes " + port + " beyond loopback");
            }
        });
        assertTrue(yaml("docker-compose.yml").path("services").path("kafka").path("ports").isMissingNode(),
                "the PLAINTEXT broker publishes no port");
    }

    @Test
    void eachServiceHasAKafkaUserAllowedExactlyItsTopicsAndGroup() {
        Map<String, JsonNode> users = kafkaUsers();
        assertEquals(new TreeSet<>(SERVICES), new TreeSet<>(users.keySet()), "a KafkaUser per service, named after it");
        Map<String, String> writers = new HashMap<>();
        for (String service : SERVICES) {
            JsonNode spec = users.get(service).path("spec");
            assertEquals("scram-sha-512", spec.path("authentication").path("type").asText(), service + ": sign-in");
            assertEquals("simple", spec.path("authorization").path("type").asText(), service + ": authorization");
            RepositoryFiles.KafkaAccess access = RepositoryFiles.kafkaAccess(service);
            assertFalse(access.consumed().isEmpty() || access.produced().isEmpty(), service + ": reads no Kafka config");
            Set<String> expected = new TreeSet<>();
            access.consumed().forEach(topic -> READ.forEach(op -> expected.add("topic " + topic + " " + op)));
            access.groups().forEach(group -> READ.forEach(op -> expected.add("group " + group + " " + op)));
            access.produced().forEach(topic -> WRITE.forEach(op -> expected.add("topic " + topic + " " + op)));
            assertEquals(expected, allowedOperations(service, spec.path("authorization").path("acls")),
                    service + ": its ACLs against what its application.properties consumes and produces");
            for (String topic : access.produced()) {
                String other = writers.put(topic, service);
                assertTrue(other == null || topic.endsWith(".dlq"), topic + " is written by " + other + " and " + service);
            }
        }
        Set<String> layout = TopicLayout.specs().stream().map(TopicSpec::name).collect(Collectors.toSet());
        for (JsonNode user : users.values()) {
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                if (acl.path("resource").path("type").asText().equals("topic")) {
                    String topic = acl.path("resource").path("name").asText();
                    assertTrue(layout.contains(topic), "an ACL names " + topic + ", which is not in the topic layout");
                }
            }
        }
    }

    @Test
    void deploymentsSignInToKafkaAsTheirOwnUserOverTls() {
        Map<String, Map<String, String>> configMaps = configMapData();
        for (String service : SERVICES) {
            JsonNode pod = deployment(service).path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            Map<String, String> values = environmentValues(service, container, configMaps);
            assertEquals(KAFKA_BOOTSTRAP, values.get("KAFKA_BOOTSTRAP_SERVERS"), service + ": the TLS listener");
            assertEquals("SASL_SSL", values.get("KAFKA_SECURITY_PROTOCOL"), service + ": security protocol");
            assertEquals("SCRAM-SHA-512", values.get("KAFKA_SASL_MECHANISM"), service + ": SASL mechanism");
            assertEquals("PEM", values.get("KAFKA_SSL_TRUSTSTORE_TYPE"), service + ": truststore type");
            assertEquals(service + "/sasl.jaas.config", secretReference(container, "KAFKA_SASL_JAAS_CONFIG"),
                    service + ": its JAAS settings come from its KafkaUser's Secret");
            assertTrue(kafkaUsers().containsKey(service), service + ": no KafkaUser makes that Secret");

            Path truststore = Path.of(values.get("KAFKA_SSL_TRUSTSTORE_LOCATION"));
            JsonNode mount = null;
            for (JsonNode candidate : container.path("volumeMounts")) {
                if (truststore.getParent().equals(Path.of(candidate.path("mountPath").asText()))) {
                    mount = candidate;
                }
            }
            assertTrue(mount != null, service + ": nothing is mounted where the truststore " + truststore + " is read");
            assertTrue(mount.path("readOnly").asBoolean(), service + ": the CA is mounted read-only");
            JsonNode volume = null;
            for (JsonNode candidate : pod.path("volumes")) {
                if (candidate.path("name").asText().equals(mount.path("name").asText())) {
                    volume = candidate;
                }
            }
            assertTrue(volume != null, service + ": no volume " + mount.path("name").asText());
            assertEquals(KAFKA_CA_SECRET, volume.path("secret").path("secretName").asText(), service + ": the cluster CA");
            assertEquals("ca.crt", volume.path("secret").path("items").get(0).path("key").asText());
            assertEquals(truststore.getFileName().toString(),
                    volume.path("secret").path("items").get(0).path("path").asText(), service + ": CA file name");

            // The service reads each setting in its prod profile; by default a PLAINTEXT broker, as ./chokepoint up runs.
            KAFKA_SECURITY.forEach((key, variable) -> assertEquals(variable,
                    RepositoryFiles.environmentReference(service, key).getKey(), service + ": " + key));
            assertEquals("PLAINTEXT", RepositoryFiles.environmentReference(service, "%prod.kafka.security.protocol")
                    .getValue(), service + ": without the variable, a local PLAINTEXT broker");
            assertEquals("", RepositoryFiles.environmentReference(service, "%prod.kafka.sasl.jaas.config").getValue(),
                    service + ": without the variable, no credentials");

            // A principal without Create may not provision topics: Strimzi's KafkaTopics are the topics.
            if (Boolean.parseBoolean(serviceConfig(service).getProperty("chokepoint.kafka.provision-topics", "false"))) {
                assertEquals("false", values.get("CHOKEPOINT_KAFKA_PROVISION_TOPICS"),
                        service + " would try to create topics its KafkaUser may not create");
            }
        }
    }

    @Test
    void deploymentsMigrateAsTheOwnerAndWorkAsTheServiceRole() {
        Set<String> secrets = new HashSet<>();
        for (String service : SERVICES) {
            JsonNode container = deployment(service).path("spec").path("template").path("spec").path("containers").get(0);
            String user = secretReference(container, "CHOKEPOINT_DB_USER");
            String password = secretReference(container, "CHOKEPOINT_DB_PASSWORD");
            String migrationUser = secretReference(container, "CHOKEPOINT_DB_MIGRATION_USER");
            String migrationPassword = secretReference(container, "CHOKEPOINT_DB_MIGRATION_PASSWORD");
            String secret = user.substring(0, user.indexOf('/'));
            assertTrue(secrets.add(secret), service + ": shares the database Secret " + secret + " with another service");
            List<String> references = List.of(user, password, migrationUser, migrationPassword);
            assertEquals(Set.of(secret), references.stream().map(ref -> ref.substring(0, ref.indexOf('/')))
                    .collect(Collectors.toSet()), service + ": both roles' credentials in the service's own Secret");
            assertEquals(references.size(), new HashSet<>(references).size(),
                    service + ": the service role and the owner are different users: " + references);
            assertEquals("CHOKEPOINT_DB_MIGRATION_USER",
                    RepositoryFiles.environmentReference(service, "%prod.quarkus.flyway.username").getKey(), service);
            assertEquals("CHOKEPOINT_DB_MIGRATION_PASSWORD",
                    RepositoryFiles.environmentReference(service, "%prod.quarkus.flyway.password").getKey(), service);
            // Without the migration variables (./chokepoint up), Flyway runs as the service's own user.
            assertEquals("${CHOKEPOINT_DB_USER:postgres}",
                    RepositoryFiles.environmentReference(service, "%prod.quarkus.flyway.username").getValue(), service);
            assertEquals("${CHOKEPOINT_DB_PASSWORD:}",
                    RepositoryFiles.environmentReference(service, "%prod.quarkus.flyway.password").getValue(), service);
        }
    }

    @Test
    void kubernetesAndComposeGiveEachServiceWhatItCannotStartWithout() {
        Map<String, Map<String, String>> configMaps = configMapData();
        JsonNode compose = yaml("docker-compose.yml").path("services");
        for (String service : SERVICES) {
            Set<String> required = RepositoryFiles.environmentVariablesRequired(service);
            assertTrue(required.containsAll(Set.of("CHOKEPOINT_JWT_ISSUER", "CHOKEPOINT_JWT_PUBLIC_KEY_LOCATION")),
                    service + " must require its token issuer and key where it runs deployed: " + required);
            JsonNode container = deployment(service).path("spec").path("template").path("spec").path("containers").get(0);
            Set<String> missing = new TreeSet<>(required);
            missing.removeAll(environmentValues(service, container, configMaps).keySet());
            assertEquals(Set.of(), missing, service + ": Kubernetes leaves required variables unset");
            missing = new TreeSet<>(required);
            missing.removeAll(fieldNames(compose.path(service).path("environment")));
            assertEquals(Set.of(), missing, service + ": compose leaves required variables unset");

            Map<String, String> values = environmentValues(service, container, configMaps);
            assertTrue(values.get("CHOKEPOINT_JWT_PUBLIC_KEY_LOCATION").startsWith("https://"),
                    service + ": Kubernetes reads the identity provider's keys over https");
            assertTrue(values.get("CHOKEPOINT_JWT_ISSUER").startsWith("https://"), service + ": issuer");

            JsonNode environment = compose.path(service).path("environment");
            assertEquals(AccessToken.DEV_ISSUER, environment.path("CHOKEPOINT_JWT_ISSUER").asText(),
                    service + ": compose accepts the development tokens of ./chokepoint token");
            String key = environment.path("CHOKEPOINT_JWT_PUBLIC_KEY_LOCATION").asText();
            JsonNode mounted = null;
            for (JsonNode volume : compose.path(service).path("volumes")) {
                if (volume.path("target").asText().equals(key)) {
                    mounted = volume;
                }
            }
            assertTrue(mounted != null, service + ": compose mounts nothing at " + key);
            assertEquals("./.chokepoint/keys/" + SigningKeys.PUBLIC_KEY_FILE, mounted.path("source").asText(), service);
            assertTrue(mounted.path("read_only").asBoolean(), service + ": the key is mounted read-only");
            assertFalse(mounted.path("bind").path("create_host_path").asBoolean(true),
                    service + ": a missing key must stop compose, not become an empty directory");
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

    /** Each KafkaUser of kafka-users.yaml by name, checked to be one of the cluster's. */
    private static Map<String, JsonNode> kafkaUsers() {
        Map<String, JsonNode> users = new HashMap<>();
        for (JsonNode user : yamlDocuments("deploy/k8s/kafka-users.yaml")) {
            String name = user.path("metadata").path("name").asText();
            assertEquals("KafkaUser", user.path("kind").asText(), name);
            assertEquals(STRIMZI_API, user.path("apiVersion").asText(), name);
            assertEquals(KAFKA_CLUSTER, user.path("metadata").path("labels").path("strimzi.io/cluster").asText(), name);
            assertTrue(users.put(name, user) == null, "two KafkaUsers named " + name);
        }
        return users;
    }

    /** "type name Operation" for every operation an ACL list allows; only literal, allowing, any-host ACLs pass. */
    private static Set<String> allowedOperations(String user, JsonNode acls) {
        Set<String> allowed = new TreeSet<>();
        for (JsonNode acl : acls) {
            JsonNode resource = acl.path("resource");
            String what = resource.path("type").asText() + " " + resource.path("name").asText();
            assertEquals("literal", resource.path("patternType").asText(), user + ": " + what + " must name one resource");
            assertEquals("allow", acl.path("type").asText("allow"), user + ": " + what);
            assertEquals("*", acl.path("host").asText("*"), user + ": " + what);
            List<String> operations = new ArrayList<>(texts(acl.path("operations")));
            if (acl.has("operation")) {
                operations.add(acl.path("operation").asText());
            }
            assertFalse(operations.isEmpty(), user + ": " + what + " allows nothing");
            operations.forEach(operation -> assertTrue(allowed.add(what + " " + operation),
                    user + ": " + what + " " + operation + " twice"));
        }
        return allowed;
    }

    private static JsonNode deployment(String service) {
        for (JsonNode document : yamlDocuments("deploy/k8s/" + service + ".yaml")) {
            if (document.path("kind").asText().equals("Deployment")) {
                return document;
            }
        }
        throw new AssertionError("no Deployment in deploy/k8s/" + service + ".yaml");
    }

    /**
     * The container's environment: its ConfigMaps' values and its own (which win), a value taken from a Secret
     * shown as "secret/key".
     */
    private static Map<String, String> environmentValues(String service, JsonNode container,
                                                         Map<String, Map<String, String>> configMaps) {
        Map<String, String> values = new HashMap<>();
        container.path("envFrom").forEach(from -> {
            String map = from.path("configMapRef").path("name").asText();
            assertTrue(configMaps.containsKey(map), service + ": unknown ConfigMap " + map);
            values.putAll(configMaps.get(map));
        });
        container.path("env").forEach(env -> {
            JsonNode secret = env.path("valueFrom").path("secretKeyRef");
            values.put(env.path("name").asText(), secret.isMissingNode() ? env.path("value").asText()
                    : secret.path("name").asText() + "/" + secret.path("key").asText());
        });
        return values;
    }

    /** "secret/key" of a variable the container takes from a Secret. */
    private static String secretReference(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(variable)) {
                JsonNode secret = env.path("valueFrom").path("secretKeyRef");
                assertFalse(secret.isMissingNode(), variable + " must come from a Secret");
                return secret.path("name").asText() + "/" + secret.path("key").asText();
            }
        }
        throw new AssertionError(container.path("name").asText() + " does not set " + variable);
    }

    private static Map<String, Map<String, String>> configMapData() {
        Map<String, Map<String, String>> maps = new HashMap<>();
        for (JsonNode document : yamlDocuments("deploy/k8s/config.yaml")) {
            if (document.path("kind").asText().equals("ConfigMap")) {
                Map<String, String> data = new HashMap<>();
                document.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
                maps.put(document.path("metadata").path("name").asText(), data);
            }
        }
        return maps;
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
