package io.chokepoint.monitor;

import io.chokepoint.model.Topics;
import io.chokepoint.monitor.support.Partners;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.Scrape;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What operators read: readiness and liveness, and the framework meters beside the service's own. Probes and
 * scrapers carry no token: {@code /q} is asked without one.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OperationsEndpointsTest {

    private static final String APP = "shipment-monitor";
    private static final String MESSAGING_READINESS = "SmallRye Reactive Messaging - readiness check";
    private static final String MESSAGING_LIVENESS = "SmallRye Reactive Messaging - liveness check";
    private static final String DATABASE = "Database connections health check";
    private static final String CATALOG = "controlled-goods-catalog";

    @Test
    void readyWithTheDatabaseTheBrokerAndTheCatalog() {
        String version = given().header(Callers.AUTHORIZATION, Callers.bearer(TestTokens.operator()))
                .get("/api/v1/catalog").then().statusCode(200).extract().path("version");

        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(DATABASE, MESSAGING_READINESS, CATALOG))
                .body("checks.find { it.name == '" + DATABASE + "' }.status", equalTo("UP"))
                .body("checks.find { it.name == '" + MESSAGING_READINESS + "' }.data.shipments-inbound",
                        equalTo("[OK]"))
                .body("checks.find { it.name == '" + MESSAGING_READINESS + "' }.data.outbox", equalTo("[OK]"))
                .body("checks.find { it.name == '" + CATALOG + "' }.status", equalTo("UP"))
                .body("checks.find { it.name == '" + CATALOG + "' }.data.version", equalTo(version));
    }

    @Test
    void aliveWithTheKafkaChannels() {
        given().get("/q/health/live").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(MESSAGING_LIVENESS))
                .body("checks.find { it.name == '" + MESSAGING_LIVENESS + "' }.data.shipments-inbound",
                        equalTo("[OK]"));
    }

    @Test
    void theJvmSystemHttpDatabaseAndKafkaMetersAreExported() {
        Partners.reporting(TestEvents.npp()).post("/api/v1/shipments").then().statusCode(202);

        // the consumer's per-partition lag appears once it has fetched from its partitions
        await().atMost(Duration.ofSeconds(60)).until(() -> !Scrape.now().find(
                "kafka_consumer_fetch_manager_records_lag", "topic", Topics.SHIPMENTS_INBOUND).isEmpty());
        Scrape scrape = Scrape.now();

        for (String meter : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_pause_seconds_count",
                "system_cpu_usage", "process_cpu_usage", "process_uptime_seconds", "agroal_active_count",
                "kafka_producer_record_send_total")) {
            assertFalse(scrape.find(meter, "application", APP).isEmpty(), meter);
        }
        assertTrue(scrape.value("http_server_requests_seconds_count", "uri", "/api/v1/shipments",
                "method", "POST", "status", "202") >= 1.0);
        Scrape.Sample lag = scrape.find("kafka_consumer_fetch_manager_records_lag",
                "topic", Topics.SHIPMENTS_INBOUND).get(0);
        assertEquals("kafka-consumer-shipments-inbound", lag.labels().get("client_id"));
        assertTrue(lag.labels().containsKey("partition"));
        assertFalse(scrape.find("kafka_consumer_fetch_manager_records_lag_max",
                "topic", Topics.SHIPMENTS_INBOUND).isEmpty());
        assertTrue(scrape.find("kafka_consumer_fetch_manager_records_lag", "topic", "shipments_inbound").isEmpty(),
                "the consumer's legacy copy of the topic name is dropped");
    }

    @Test
    void everySeriesNamesTheApplication() {
        List<Scrape.Sample> untagged = Scrape.now().all().stream()
                .filter(sample -> !APP.equals(sample.labels().get("application")))
                .toList();

        assertTrue(untagged.isEmpty(), "without the application tag: " + untagged);
    }
}
