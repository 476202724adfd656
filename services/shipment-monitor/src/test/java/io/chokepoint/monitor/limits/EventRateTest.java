package io.chokepoint.monitor.limits;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.Scrape;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The events each partner agency may push over REST, counted per event rather than per request: a batch spends a
 * token for each of its events, and one over the agency's allowance is refused whole with 429 before any of it is
 * taken. Each test's agencies are its own, so the tests do not share buckets.
 */
@QuarkusTest
@TestProfile(RateLimitProfile.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class EventRateTest {

    private static final String INGESTED = "chokepoint_shipment_events_ingested_total";
    private static final String OVER_RATE = "chokepoint_shipment_events_rate_limited_total";

    private static String newAgency() {
        return "MX-R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static RequestSpecification as(String agency) {
        return given().header(Callers.AUTHORIZATION, Callers.bearer(TestTokens.partner(agency)))
                .contentType(ContentType.JSON);
    }

    private static ObjectNode eventOf(String agency) {
        return TestEvents.npp().put("reportingAgency", agency);
    }

    private static ArrayNode batchOf(String agency, int size) {
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < size; i++) {
            batch.add(eventOf(agency));
        }
        return batch;
    }

    @Test
    void aBatchSpendsItsAgencysAllowanceByEventsAndOneOverItIsRefusedWhole() {
        String agency = newAgency();
        Scrape before = Scrape.now();
        as(agency).body(batchOf(agency, RateLimitProfile.BATCH_MAX_SIZE).toString())
                .post("/api/v1/shipments/batch").then().statusCode(200)
                .body("accepted", equalTo(RateLimitProfile.BATCH_MAX_SIZE));

        // two events left of the burst of twelve: a batch of three is refused, though far under the request limit,
        // until the one event more comes back
        as(agency).body(batchOf(agency, 3).toString()).post("/api/v1/shipments/batch").then().statusCode(429)
                .header("Retry-After", equalTo("1000"))
                .body("message", equalTo("Too many events: the limit for agency " + agency
                        + " is 0.001 events per second, bursts of " + RateLimitProfile.EVENT_BURST
                        + "; retry after 1000 s"));
        as(agency).body(eventOf(agency).toString()).post("/api/v1/shipments").then().statusCode(202);
        as(agency).body(batchOf(agency, 1).toString()).post("/api/v1/shipments/batch").then().statusCode(200);
        as(agency).body(eventOf(agency).toString()).post("/api/v1/shipments").then().statusCode(429);

        Scrape after = Scrape.now();
        assertEquals(RateLimitProfile.EVENT_BURST, after.since(before, INGESTED, "agency", agency),
                "what was admitted is all taken, and nothing of the refused requests");
        assertEquals(4.0, after.since(before, OVER_RATE, "agency", agency));
    }

    @Test
    void eachAgencyHasItsOwnAllowance() {
        String spent = newAgency();
        String other = newAgency();
        as(spent).body(batchOf(spent, RateLimitProfile.BATCH_MAX_SIZE).toString()).post("/api/v1/shipments/batch")
                .then().statusCode(200);
        as(spent).body(batchOf(spent, 5).toString()).post("/api/v1/shipments/batch").then().statusCode(429);

        as(other).body(batchOf(other, 5).toString()).post("/api/v1/shipments/batch").then().statusCode(200)
                .body("accepted", equalTo(5));
    }
}
