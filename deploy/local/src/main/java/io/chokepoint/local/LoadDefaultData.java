package io.chokepoint.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.local.tokens.DevCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Loads the bundled sanctioned entries into sanctions-registry as manual entries, skipping those already there,
 * so that running it again is harmless. Usage: {@code LoadDefaultData <registry-url> <entities.json>}.
 */
public final class LoadDefaultData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The registry may limit each client's request rate: a 429 is waited out as it says, then sent again. */
    private final RetryAfter http = new RetryAfter(HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    private final URI registry;
    private final DevCredentials credentials;

    LoadDefaultData(URI registry, DevCredentials credentials) {
        this.registry = registry;
        this.credentials = credentials;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LoadDefaultData <registry-url> <entities.json>");
            System.exit(2);
        }
        JsonNode entries = JSON.readTree(Path.of(args[1]).toFile());
        LoadDefaultData loader = new LoadDefaultData(URI.create(args[0]), DevCredentials.fromSystemProperty("chokepoint-up"));
        int added = 0;
        for (JsonNode entry : entries) {
            if (loader.loadIfAbsent(entry)) {
                added++;
            }
        }
        System.out.printf("sanctioned entries: %d bundled, %d added%n", entries.size(), added);
    }

    boolean loadIfAbsent(JsonNode entry) throws IOException, InterruptedException {
        String name = entry.path("name").asText();
        if (isPresent(name)) {
            return false;
        }
        HttpResponse<String> created = send(HttpRequest.newBuilder(registry.resolve("/api/v1/entities"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(entry))));
        if (created.statusCode() / 100 != 2) {
            throw new IllegalStateException("registry refused " + name + ": " + created.statusCode() + " " + created.body());
        }
        return true;
    }

    private boolean isPresent(String name) throws IOException, InterruptedException {
        String query = "/api/v1/entities?source=MANUAL&status=LISTED&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        HttpResponse<String> found = send(HttpRequest.newBuilder(registry.resolve(query)).GET());
        if (found.statusCode() != 200) {
            throw new IllegalStateException("registry lookup of " + name + " failed: " + found.statusCode() + " " + found.body());
        }
        JsonNode body = JSON.readTree(found.body());
        JsonNode items = body.isArray() ? body : body.path("items");
        for (JsonNode item : items) {
            if (item.path("name").asText().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(TIMEOUT).header("Authorization", credentials.bearer("registry-admin")).build());
    }
}
