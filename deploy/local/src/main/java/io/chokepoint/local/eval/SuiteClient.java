package io.chokepoint.local.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.local.tokens.DevCredentials;
import io.chokepoint.local.RetryAfter;

import java.io.ByteArrayOutputStream;
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
import java.util.UUID;

/** The running suite's REST APIs, as the evaluation uses them. */
public final class SuiteClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String AUTHORIZATION = "Authorization";
    private static final String OFFICER = "officer";

    /** The services limit each client's request rate: a 429 is waited out as it says, then sent again. */
    private final RetryAfter http = new RetryAfter(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    private final URI monitor;
    private final URI registry;
    private final URI alerting;
    private final DevCredentials credentials;

    public SuiteClient(URI monitor, URI registry, URI alerting, DevCredentials credentials) {
        this.monitor = monitor;
        this.registry = registry;
        this.alerting = alerting;
        this.credentials = credentials;
    }

    /**
     * The suite at the addresses of system properties {@code monitor}, {@code registry} and {@code alerting} (the
     * local ports by default), called with development tokens naming {@code subject}.
     */
    public static SuiteClient fromSystemProperties(String subject) {
        return new SuiteClient(address("monitor", "http://127.0.0.1:8081"), address("registry", "http://127.0.0.1:8082"),
                address("alerting", "http://127.0.0.1:8083"), DevCredentials.fromSystemProperty(subject));
    }

    private static URI address(String service, String fallback) {
        return URI.create(System.getProperty(service, fallback));
    }

    /** Posts one agency's events as one batch, as that agency's partner; answers the per-event results in order. */
    public JsonNode postBatch(String agency, List<JsonNode> events) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(monitor.resolve("/api/v1/shipments/batch"))
                .header(AUTHORIZATION, credentials.partner(agency))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(events)))
                .build();
        return expectOk(request).path("results");
    }

    JsonNode shipment(String shipmentId) throws IOException, InterruptedException {
        return expectOk(HttpRequest.newBuilder(monitor.resolve("/api/v1/shipments/" + shipmentId))
                .header(AUTHORIZATION, credentials.bearer(OFFICER)).GET().build());
    }

    JsonNode alertsForDeclaration(String declarationId) throws IOException, InterruptedException {
        String query = "/api/v1/alerts?size=200&declarationId=" + URLEncoder.encode(declarationId, StandardCharsets.UTF_8);
        return expectOk(HttpRequest.newBuilder(alerting.resolve(query))
                .header(AUTHORIZATION, credentials.bearer(OFFICER)).GET().build()).path("items");
    }

    /** Imports an OFAC SDN legacy CSV snapshot (sdn.csv, alt.csv, add.csv); importing it again changes nothing. */
    public JsonNode importOfac(Path directory) throws IOException, InterruptedException {
        String boundary = "chokepoint-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String part : List.of("sdn", "alt", "add")) {
            Path file = directory.resolve(part + ".csv");
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(registry.resolve("/api/v1/imports?format=ofac-csv"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header(AUTHORIZATION, credentials.bearer("registry-admin"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return expectOk(request);
    }

    private JsonNode expectOk(HttpRequest request) throws IOException, InterruptedException {
        HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(TIMEOUT).build();
        HttpResponse<String> response = http.send(timed);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
