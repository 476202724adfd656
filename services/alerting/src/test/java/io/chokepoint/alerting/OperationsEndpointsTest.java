package io.chokepoint.alerting;

import io.chokepoint.testing.Callers;
import io.chokepoint.testing.Scrape;
import io.chokepoint.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.testing.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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

/** What operators read: readiness and liveness, and the framework meters beside the service's own. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class OperationsEndpointsTest {

    private static final String APP = "alerting";
    private static final String MESSAGING_READINESS = "SmallRye Reactive Messaging - readiness check";
    private static final String MESSAGING_LIVENESS = "SmallRye Reactive Messaging - liveness check";
    private static final String DATABASE = "Database connections health check";
    private static final Duration LAG_PATIENCE = Duration.ofMinutes(3);

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void officer() {
        Callers.byDefault(TestTokens.officer());
    }

    @AfterEach
    void forgetCaller() {
        Callers.reset();
    }

    @Test
    void readyWithTheDatabaseAndTheBroker() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(DATABASE, MESSAGING_READINESS))
                .body("checks.find { it.name == '" + DATABASE + "' }.status", equalTo("UP"))
                .body("checks.find { it.name == '" + MESSAGING_READINESS + "' }.status", equalTo("UP"))
                .body("checks.find { it.name == '" + MESSAGING_READINESS + "' }.data.shipments-assessed",
                        equalTo("[OK]"))
                .body("checks.find { it.name == '" + MESSAGING_READINESS + "' }.data.screening-results",
                        equalTo("[OK]"))
                .body("checks.find { it.name == '" + MESSAGING_READINESS + "' }.data.outbox", equalTo("[OK]"));
    }

    @Test
    void aliveWithTheKafkaChannels() {
        given().get("/q/health/live").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(MESSAGING_LIVENESS))
                .body("checks.find { it.name == '" + MESSAGING_LIVENESS + "' }.data.shipments-assessed",
                        equalTo("[OK]"))
                .body("checks.find { it.name == '" + MESSAGING_LIVENESS + "' }.data.screening-results",
                        equalTo("[OK]"));
    }

    @Test
    void theJvmSystemHttpDatabaseAndKafkaMetersAreExported() {
        TestAlerts.raise(mapper, 1, TestAlerts.uniqueProgram());
        given().get("/api/v1/alerts").then().statusCode(200);

        // the consumers' per-partition lag appears once they have fetched from their partitions and the binder has
        // looked for new client metrics (once a minute); the alert is relayed to alerts.raised after its commit
        Scrape scrape = await().atMost(LAG_PATIENCE).until(Scrape::now, now ->
                !now.find("kafka_consumer_fetch_manager_records_lag", "topic", Topics.SCREENING_RESULTS).isEmpty()
                        && now.value("chokepoint_outbox_relayed_total", "topic", Topics.ALERTS_RAISED) >= 1.0);

        for (String meter : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "system_cpu_usage",
                "process_cpu_usage", "process_uptime_seconds", "agroal_active_count",
                "kafka_producer_record_send_total", "chokepoint_outbox_pending_messages")) {
            assertFalse(scrape.find(meter, "application", APP).isEmpty(), meter);
        }
        assertTrue(scrape.value("http_server_requests_seconds_count", "uri", "/api/v1/alerts",
                "method", "GET", "status", "200") >= 1.0);
        Scrape.Sample lag = scrape.find("kafka_consumer_fetch_manager_records_lag",
                "topic", Topics.SCREENING_RESULTS).get(0);
        assertEquals("kafka-consumer-screening-results", lag.labels().get("client_id"));
        assertTrue(scrape.find("kafka_consumer_fetch_manager_records_lag", "topic", "screening_results").isEmpty(),
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
