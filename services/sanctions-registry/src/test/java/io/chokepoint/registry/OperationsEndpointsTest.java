package io.chokepoint.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.registry.shipments.AssessedShipments;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.Scrape;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.chokepoint.registry.shipments.AssessedShipments.coinedWord;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What operators read: readiness and liveness, and the framework meters beside the service's own. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OperationsEndpointsTest {

    private static final String APP = "sanctions-registry";
    private static final String MESSAGING_READINESS = "SmallRye Reactive Messaging - readiness check";
    private static final String MESSAGING_LIVENESS = "SmallRye Reactive Messaging - liveness check";
    private static final String DATABASE = "Database connections health check";
    private static final String SANCTIONS_LIST = "sanctions-list";

    @BeforeEach
    void asRegistryAdmin() {
        Callers.byDefault(TestTokens.registryAdmin());
    }

    @AfterEach
    void resetCaller() {
        Callers.reset();
    }

    @Inject
    ObjectMapper mapper;

    @Test
    void readyWithTheDatabaseTheBrokerAndTheScreeningIndex() {
        String listVersion = AssessedShipments.listOrganization(coinedWord().toUpperCase() + " HOLDINGS LIMITED")
                .listVersion();
        int listed = given().queryParam("status", "LISTED").queryParam("size", 1).get("/api/v1/entities")
                .then().statusCode(200).extract().path("total");

        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(DATABASE, MESSAGING_READINESS, SANCTIONS_LIST))
                .body(check(DATABASE) + ".status", equalTo("UP"))
                .body(check(MESSAGING_READINESS) + ".data.shipments-assessed", equalTo("[OK]"))
                .body(check(MESSAGING_READINESS) + ".data.alerts-suppressions", equalTo("[OK]"))
                .body(check(MESSAGING_READINESS) + ".data.outbox", equalTo("[OK]"))
                .body(check(SANCTIONS_LIST) + ".status", equalTo("UP"))
                .body(check(SANCTIONS_LIST) + ".data.listVersion", equalTo(listVersion))
                .body(check(SANCTIONS_LIST) + ".data.entities", equalTo(listed))
                .body(check(SANCTIONS_LIST) + ".data.entities", greaterThanOrEqualTo(1));
    }

    @Test
    void aliveWithTheKafkaChannels() {
        given().get("/q/health/live").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(MESSAGING_LIVENESS))
                .body(check(MESSAGING_LIVENESS) + ".data.shipments-assessed", equalTo("[OK]"))
                .body(check(MESSAGING_LIVENESS) + ".data.alerts-suppressions", equalTo("[OK]"));
    }

    @Test
    void theJvmSystemHttpDatabaseAndKafkaMetersAreExported() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("name", "Nobody At All Here"))
                .post("/api/v1/screen").then().statusCode(200);
        ShipmentAssessed assessment = AssessedShipments.assessment(
                AssessedShipments.party(PartyRole.CONSIGNEE, coinedWord() + " Trading Limited", "CN"));
        AssessedShipments.send(mapper, assessment);

        // The Kafka binder looks for new client metrics every minute: the lag shows once the consumer has fetched and
        // the binder has looked again.
        await().atMost(Duration.ofMinutes(3)).until(() -> !Scrape.now().find(
                "kafka_consumer_fetch_manager_records_lag", "topic", Topics.SHIPMENTS_ASSESSED).isEmpty());
        Scrape scrape = Scrape.now();

        for (String meter : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "system_cpu_usage",
                "process_cpu_usage", "process_uptime_seconds", "agroal_active_count", "kafka_producer_record_send_total",
                "chokepoint_sanctions_list_loaded", "chokepoint_outbox_pending_messages")) {
            assertFalse(scrape.find(meter, "application", APP).isEmpty(), meter);
        }
        assertTrue(scrape.value("http_server_requests_seconds_count", "uri", "/api/v1/screen",
                "method", "POST", "status", "200") >= 1.0);
        Scrape.Sample lag = scrape.find("kafka_consumer_fetch_manager_records_lag",
                "topic", Topics.SHIPMENTS_ASSESSED).get(0);
        assertEquals("kafka-consumer-shipments-assessed", lag.labels().get("client_id"));
        assertTrue(lag.labels().containsKey("partition"));
        assertTrue(scrape.find("kafka_consumer_fetch_manager_records_lag", "topic", "shipments_assessed").isEmpty(),
                "the consumer's legacy copy of the topic name is dropped");
    }

    @Test
    void everySeriesNamesTheApplication() {
        List<Scrape.Sample> untagged = Scrape.now().all().stream()
                .filter(sample -> !APP.equals(sample.labels().get("application")))
                .toList();

        assertTrue(untagged.isEmpty(), "without the application tag: " + untagged);
    }

    private static String check(String name) {
        return "checks.find { it.name == '" + name + "' }";
    }
}
