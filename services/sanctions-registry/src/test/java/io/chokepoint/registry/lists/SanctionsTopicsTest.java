package io.chokepoint.registry.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.registry.TopicWatch;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class SanctionsTopicsTest {

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
    void publishesEveryChangeThenATombstoneOnDelisting() throws Exception {
        try (TopicWatch entities = TopicWatch.of(Topics.SANCTIONS_ENTITIES);
             TopicWatch versions = TopicWatch.of(Topics.SANCTIONS_LIST_VERSIONS)) {
            String id = given().contentType(ContentType.JSON)
                    .body(Map.of("name", "Tombstone Test Trading LLC", "type", "ORGANIZATION",
                            "aliases", List.of("TTT"), "programs", List.of("ILLICIT-DRUGS-EO14059")))
                    .post("/api/v1/entities").then().statusCode(201).extract().path("entityId");
            String delistedIn = given().delete("/api/v1/entities/" + id).then().statusCode(200)
                    .extract().path("listVersion");

            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> entities.withKey(id), r -> r.size() >= 3);
            assertEquals(3, records.size());
            JsonNode listed = mapper.readTree(records.get(0).value());
            assertEquals("LISTED", listed.get("status").asText());
            assertEquals("MANUAL", listed.get("source").asText());
            assertEquals("TTT", listed.get("aliases").get(0).asText());
            JsonNode delisted = mapper.readTree(records.get(1).value());
            assertEquals("DELISTED", delisted.get("status").asText());
            assertEquals(delistedIn, delisted.get("listVersion").asText());
            assertNull(records.get(2).value(), "tombstone after the DELISTED record");

            ConsumerRecord<String, String> first = records.get(0);
            assertEquals("io.chokepoint.sanctions.entity-changed", TopicWatch.header(first, "ce_type"));
            assertEquals("sanctions-registry", TopicWatch.header(first, "ce_source"));
            assertNotNull(TopicWatch.header(first, "ce_id"));
            assertNotNull(TopicWatch.header(first, "ce_time"));

            List<ConsumerRecord<String, String>> version = await().atMost(Duration.ofSeconds(30))
                    .until(() -> versions.withKey(delistedIn), r -> !r.isEmpty());
            JsonNode published = mapper.readTree(version.get(0).value());
            assertEquals(1, published.get("removed").asInt());
            assertEquals("MANUAL", published.get("source").asText());
            assertEquals("io.chokepoint.sanctions.list-version-published", TopicWatch.header(version.get(0), "ce_type"));
        }
    }
}
