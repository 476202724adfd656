package io.chokepoint.e2e;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Traffic that touches what the dashboards show: shipments by REST and Kafka (accepted, duplicate, refused,
 * dead-lettered), list changes (a manual designation, a UN list import), screening requests, alerts raised on time
 * and late, officers' moves (applied and refused, a false-positive dismissal), a webhook receiver that fails at
 * first, and a stream client that stays connected.
 */
final class OperatorTraffic implements AutoCloseable {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);
    private static final String NPP_LINE = """
            {"line": 1, "description": "N-Phenethyl-4-piperidone", "hsCode": "293337",
             "casNumber": "39742-60-4", "quantity": 25, "unit": "KG"}""";

    private final Path root;
    private final AtomicInteger webhookCalls = new AtomicInteger();
    private HttpServer receiver;
    private CompletableFuture<HttpResponse<Stream<String>>> streamClient;

    OperatorTraffic(Path root) {
        this.root = root;
    }

    /** Sends every kind of traffic once, waiting for each flow that the next one builds on. */
    void send() throws IOException {
        startWebhookReceiver();
        openStream();
        importUnList();
        screen("Osama bin Laden");

        String consignee = uniqueCompany();
        designate(consignee);
        String alertId = alertFor(postShipment(consignee, UUID.randomUUID().toString()));
        moveAlert(alertId, "{\"status\": \"CONFIRMED\"}", 409);
        moveAlert(alertId, "{\"status\": \"DISMISSED\", \"reason\": {\"code\": \"FALSE_POSITIVE\", "
                + "\"text\": \"another company of that name\"}}", 200);
        awaitSuppressed(consignee);
        postShipment(consignee, UUID.randomUUID().toString());

        String lateConsignee = uniqueCompany();
        String declarationId = postShipment(lateConsignee, UUID.randomUUID().toString());
        awaitScreened(declarationId);
        designate(lateConsignee);
        String lateAlert = alertFor(declarationId);
        moveAlert(lateAlert, "{\"status\": \"ACKNOWLEDGED\"}", 200);

        String eventId = UUID.randomUUID().toString();
        postShipment(uniqueCompany(), eventId, 202, "IN-CBIC-" + UUID.randomUUID());
        given().baseUri(RunningSuite.url("shipment-monitor")).header(RunningSuite.as("partner")).contentType(ContentType.JSON)
                .body("{\"eventId\": \"x\"}").post("/api/v1/shipments").then().statusCode(400);
        produceInbound();
        await("webhook deliveries, the first refused").atMost(FLOW_TIMEOUT).until(() -> webhookCalls.get() >= 2);
    }

    private void startWebhookReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/alerts", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = webhookCalls.incrementAndGet() == 1 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts";
        given().baseUri(RunningSuite.url("alerting")).header(RunningSuite.as("officer")).contentType(ContentType.JSON)
                .body("""
                        {"team": "operations-check", "filter": {},
                         "channel": {"type": "WEBHOOK", "url": "%s", "secret": "a-secret-of-enough-length",
                                     "events": ["alert.raised", "alert.updated"]}}""".formatted(url))
                .post("/api/v1/subscriptions").then().statusCode(201);
    }

    private void openStream() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RunningSuite.url("alerting") + "/api/v1/alerts/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", RunningSuite.as("officer").getValue()).build();
        streamClient = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    }

    private void importUnList() {
        given().baseUri(RunningSuite.url("sanctions-registry")).header(RunningSuite.as("registry-admin"))
                .multiPart("file", root.resolve("services/sanctions-registry/src/test/resources/imports/un/"
                        + "consolidated-excerpt.xml").toFile(), "application/xml")
                .post("/api/v1/imports?format=un-xml").then().statusCode(200);
    }

    private void screen(String name) {
        given().baseUri(RunningSuite.url("sanctions-registry")).header(RunningSuite.as("officer")).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"type\": \"ANY\"}")
                .post("/api/v1/screen").then().statusCode(200);
    }

    private void designate(String name) {
        given().baseUri(RunningSuite.url("sanctions-registry")).header(RunningSuite.as("registry-admin")).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"type\": \"ORGANIZATION\", \"programs\": [\"SDNTK\"]}")
                .post("/api/v1/entities").then().statusCode(201);
    }

    /** The registry has taken alerting's suppression once the name no longer matches anything it was designated as. */
    private static void awaitSuppressed(String name) {
        await("suppression of " + name + " in the registry").atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> given().baseUri(RunningSuite.url("sanctions-registry")).header(RunningSuite.as("officer"))
                        .contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"type\": \"ANY\"}")
                        .post("/api/v1/screen").then().statusCode(200).extract().jsonPath()
                        .<String>getList("matches.name").stream().noneMatch(name::equals));
    }

    private String postShipment(String consignee, String eventId) {
        String declarationId = "IN-CBIC-" + UUID.randomUUID();
        postShipment(consignee, eventId, 202, declarationId);
        postShipment(consignee, eventId, 200, declarationId);
        return declarationId;
    }

    private void postShipment(String consignee, String eventId, int status, String declarationId) {
        given().baseUri(RunningSuite.url("shipment-monitor")).header(RunningSuite.as("partner")).contentType(ContentType.JSON)
                .body(shipment(eventId, declarationId, consignee))
                .post("/api/v1/shipments").then().statusCode(status).body("shipmentId", notNullValue());
    }

    private void produceInbound() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSuite.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            String declarationId = "IN-CBIC-" + UUID.randomUUID();
            producer.send(new ProducerRecord<>("shipments.inbound", declarationId,
                    shipment(UUID.randomUUID().toString(), declarationId, uniqueCompany())));
            producer.send(new ProducerRecord<>("shipments.inbound", "broken", "{not json"));
            producer.flush();
        }
    }

    private static String shipment(String eventId, String declarationId, String consignee) {
        return """
                {"eventId": "%s", "eventType": "EXPORT_DECLARED", "declarationId": "%s",
                 "reportingAgency": "IN-CBIC", "occurredAt": "%s",
                 "exporter": {"name": "Mumbai Example Fine Chemicals Pvt. Ltd.", "country": "IN"},
                 "consignee": {"name": "%s", "country": "MX"},
                 "route": {"originCountry": "IN", "destinationCountry": "MX", "portOfLoading": "INNSA",
                           "portOfDischarge": "MXZLO", "modeOfTransport": "SEA"},
                 "goods": [%s]}""".formatted(eventId, declarationId, Instant.now(), consignee, NPP_LINE);
    }

    private static String alertFor(String declarationId) {
        return await("alert for " + declarationId).atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> given().baseUri(RunningSuite.url("alerting")).header(RunningSuite.as("officer"))
                                .queryParam("declarationId", declarationId)
                                .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath()
                                .<String>getList("items.alertId"),
                        ids -> !ids.isEmpty())
                .get(0);
    }

    private static void awaitScreened(String declarationId) {
        String shipmentId = given().baseUri(RunningSuite.url("shipment-monitor")).header(RunningSuite.as("partner"))
                .queryParam("declarationId", declarationId).get("/api/v1/shipments")
                .then().statusCode(200).extract().path("items[0].shipmentId");
        await("screening result for " + shipmentId).atMost(FLOW_TIMEOUT)
                .until(() -> TopicRecords.first("screening.results", shipmentId), found -> found != null);
    }

    private static void moveAlert(String alertId, String body, int expectedStatus) {
        given().baseUri(RunningSuite.url("alerting")).contentType(ContentType.JSON).header(RunningSuite.as("officer"))
                .body(body).post("/api/v1/alerts/{id}/transitions", alertId).then().statusCode(expectedStatus);
    }

    /** A company name no list holds: invented words, so that it matches only what this traffic designates. */
    private static String uniqueCompany() {
        return word() + " " + word() + " Trading Co., Ltd.";
    }

    private static String word() {
        String consonants = "bdfgklmnprstvz", vowels = "aeiou";
        StringBuilder word = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) {
            word.append(consonants.charAt(random.nextInt(consonants.length())))
                    .append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    @Override
    public void close() {
        if (streamClient != null) {
            streamClient.cancel(true);
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }
}
