package io.chokepoint.registry.shipments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.AssessedParty;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.PartyScreening;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.model.shipment.PartyRole;
import io.chokepoint.model.shipment.ShipmentEventType;
import io.chokepoint.registry.TopicWatch;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Assessed shipments and manual entries for the screening tests: made up, sent on the real broker and API. */
public final class AssessedShipments {

    private static final Random RANDOM = new Random();

    private AssessedShipments() {
    }

    public static ShipmentAssessed assessment(AssessedParty... parties) {
        Instant now = Instant.now();
        return new ShipmentAssessed(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "CN-GACC-2026-" + UUID.randomUUID().toString().substring(0, 6), "CN-GACC", UUID.randomUUID().toString(),
                ShipmentEventType.EXPORT_DECLARED, 1, now, now, List.of(parties), List.of(), null, List.of());
    }

    public static AssessedParty party(PartyRole role, String name, String country) {
        return new AssessedParty(role, name, country, null, null);
    }

    public static void send(ObjectMapper mapper, ShipmentAssessed assessment) throws JsonProcessingException {
        send(assessment.shipmentId(), mapper.writeValueAsString(assessment));
    }

    public static void send(String key, String value) {
        TopicWatch.companion().produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.SHIPMENTS_ASSESSED, key, value))
                .awaitCompletion();
    }

    /** A word no list and no other test holds, so that a name made with it matches only what the test lists. */
    public static String coinedWord() {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Lists a manual organisation through the API; answers its entityId and the list version that listed it. */
    public static Listed listOrganization(String name) {
        Map<String, Object> body = Map.of("name", name, "type", "ORGANIZATION", "countries", List.of("CN"),
                "programs", List.of("SDNTK"));
        var answer = given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/entities").then().statusCode(201).extract();
        return new Listed(answer.path("entityId"), answer.path("listVersion"));
    }

    public static PartyScreening party(ScreeningResult result, PartyRole role) {
        return result.parties().stream().filter(p -> p.role() == role).findFirst().orElseThrow();
    }

    public record Listed(String entityId, String listVersion) {
    }
}
