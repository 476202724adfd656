package io.chokepoint.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the repository's deployment files and the services' configuration, for the consistency tests. */
final class RepositoryFiles {

    static final Path ROOT = findRoot();
    static final List<String> SERVICES = List.of("shipment-monitor", "sanctions-registry", "alerting");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private RepositoryFiles() {
    }

    static JsonNode yaml(String relativePath) {
        return yamlDocuments(relativePath).get(0);
    }

    /** Every document of a multi-document YAML file, empty ones left out. */
    static List<JsonNode> yamlDocuments(String relativePath) {
        Path file = ROOT.resolve(relativePath);
        try (Reader reader = Files.newBufferedReader(file); YAMLParser parser = new YAMLFactory().createParser(reader)) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Properties serviceConfig(String service) {
        Path file = ROOT.resolve("services").resolve(service).resolve("src/main/resources/application.properties");
        try (Reader reader = Files.newBufferedReader(file)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The port a service listens on, as its configuration says. */
    static int servicePort(String service) {
        return Integer.parseInt(serviceConfig(service).getProperty("quarkus.http.port").trim());
    }

    /**
     * Environment variables a service reads: those its configuration names as {@code ${VAR...}}, and the
     * environment form of every property key it sets (Quarkus reads {@code QUARKUS_HTTP_PORT} for
     * {@code quarkus.http.port}).
     */
    static Set<String> environmentVariablesRead(String service) {
        Properties config = serviceConfig(service);
        Set<String> names = new TreeSet<>();
        for (String key : config.stringPropertyNames()) {
            Matcher matcher = ENV_REFERENCE.matcher(config.getProperty(key));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            if (!key.startsWith("%")) {
                names.add(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
            }
        }
        return names;
    }

    /** Topics a service's messaging channels consume or dead-letter to. */
    static Set<String> topicsConfigured(String service) {
        Properties config = serviceConfig(service);
        Set<String> topics = new TreeSet<>();
        for (String key : config.stringPropertyNames()) {
            if (!key.startsWith("%") && key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
                topics.add(config.getProperty(key).trim());
            }
        }
        return topics;
    }

    /** What a service does on Kafka, as its configuration says: the principal's ACLs must allow exactly this. */
    record KafkaAccess(Set<String> consumed, Set<String> groups, Set<String> produced) {
    }

    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector");
    private static final String OUTBOX_TYPE = "chokepoint.outbox.cloud-events-type.";

    /**
     * The topics a service consumes (its incoming channels), the consumer groups it reads them with, and the
     * topics it produces: its outgoing channels', the dead-letter topics of its incoming channels, and every topic
     * its outbox may name (one CloudEvents type per topic, without which the outbox refuses the message). The
     * connector's defaults apply where a key is absent: the channel's name as topic, the application's name as
     * group, dead-letter-topic-&lt;topic&gt; as dead-letter topic.
     */
    static KafkaAccess kafkaAccess(String service) {
        Properties config = serviceConfig(service);
        Set<String> consumed = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Set<String> produced = new TreeSet<>();
        for (String key : config.stringPropertyNames()) {
            Matcher channel = CHANNEL.matcher(key);
            if (channel.matches()) {
                String prefix = "mp.messaging." + channel.group(1) + "." + channel.group(2) + ".";
                if (config.containsKey(prefix + "topics") || config.containsKey(prefix + "pattern")) {
                    throw new AssertionError(service + ": channel " + channel.group(2)
                            + " names several topics or a pattern, which this test cannot check against ACLs");
                }
                String topic = config.getProperty(prefix + "topic", channel.group(2)).trim();
                if (channel.group(1).equals("outgoing")) {
                    produced.add(topic);
                    continue;
                }
                consumed.add(topic);
                groups.add(config.getProperty(prefix + "group.id",
                        config.getProperty("quarkus.application.name")).trim());
                if ("dead-letter-queue".equals(config.getProperty(prefix + "failure-strategy", "").trim())) {
                    produced.add(config.getProperty(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + topic)
                            .trim());
                }
            } else if (key.startsWith(OUTBOX_TYPE)) {
                produced.add(key.substring(OUTBOX_TYPE.length()).replace("\"", ""));
            }
        }
        return new KafkaAccess(consumed, groups, produced);
    }

    /**
     * Environment variables a service cannot start without where it runs deployed (the prod profile): those its
     * effective configuration names as {@code ${VAR}} with no default.
     */
    static Set<String> environmentVariablesRequired(String service) {
        Properties config = serviceConfig(service);
        Set<String> required = new TreeSet<>();
        for (String key : config.stringPropertyNames()) {
            boolean otherProfile = key.startsWith("%") && !key.startsWith("%prod.");
            boolean overriddenInProd = !key.startsWith("%") && config.containsKey("%prod." + key);
            if (otherProfile || overriddenInProd) {
                continue;
            }
            Matcher matcher = REQUIRED_REFERENCE.matcher(config.getProperty(key));
            while (matcher.find()) {
                required.add(matcher.group(1));
            }
        }
        return required;
    }

    private static final Pattern REQUIRED_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::(.*))?}");

    /** The variable a property's value reads and that variable's default: {@code ${VAR:default}}. */
    static Map.Entry<String, String> environmentReference(String service, String key) {
        String value = serviceConfig(service).getProperty(key);
        if (value == null) {
            throw new AssertionError(service + ": no " + key + " in application.properties");
        }
        Matcher reference = REFERENCE.matcher(value.trim());
        if (!reference.matches()) {
            throw new AssertionError(service + ": " + key + " is not one ${VARIABLE:default} but " + value);
        }
        return Map.entry(reference.group(1), reference.group(2) == null ? "" : reference.group(2));
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
