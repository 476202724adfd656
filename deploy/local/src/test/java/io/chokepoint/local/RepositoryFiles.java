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
