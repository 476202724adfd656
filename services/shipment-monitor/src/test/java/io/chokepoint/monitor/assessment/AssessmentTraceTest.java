package io.chokepoint.monitor.assessment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chokepoint.model.Topics;
import io.chokepoint.monitor.support.AssessedTopic;
import io.chokepoint.monitor.support.TestEvents;
import io.chokepoint.platform.outbox.OutboxMessage;
import io.chokepoint.testing.Callers;
import io.chokepoint.testing.KafkaBrokerResource;
import io.chokepoint.testing.TestTokens;
import io.chokepoint.testing.Traceparent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The trace of a partner's event goes on in the assessment it leads to, across the outbox: the record on
 * {@code shipments.assessed}, sent later by the relay on its own thread, carries a {@code traceparent} of the same
 * trace, from a span of its own.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class AssessmentTraceTest {

    private static KafkaCompanion companion;
    private static ConsumerTask<String, String> assessed;

    @BeforeAll
    static void listen() {
        companion = new KafkaCompanion(KafkaBrokerResource.bootstrapServers());
        assessed = companion.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(Topics.SHIPMENTS_ASSESSED);
    }

    @AfterAll
    static void stop() {
        assessed.close();
        companion.close();
    }

    /** The test events' agency pushes them. */
    @BeforeEach
    void defaultCaller() {
        Callers.byDefault(TestTokens.partner(TestEvents.EXPORT_AGENCY));
    }

    @AfterEach
    void noDefaultCaller() {
        Callers.reset();
    }

    @Test
    void theAssessmentOfAPostedEventContinuesTheCallersTrace() {
        Traceparent caller = Traceparent.random();
        ObjectNode event = TestEvents.npp();
        String shipmentId = given().contentType(ContentType.JSON).header("traceparent", caller.toString())
                .body(event.toString())
                .post("/api/v1/shipments")
                .then().statusCode(202)
                .extract().path("shipmentId");

        Traceparent sent = traceparentOf(awaitAssessment(event.get("declarationId").asText()));
        Traceparent written = Traceparent.parse(QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>find("messageKey", shipmentId).firstResult().traceParent));

        assertEquals(caller.traceId(), written.traceId(), "the outbox row keeps the request's trace");
        assertNotEquals(caller.spanId(), written.spanId(), "the service's own span for the request");
        assertEquals(caller.traceId(), sent.traceId(), "the record continues the request's trace");
        assertNotEquals(written.spanId(), sent.spanId(), "the record's producer span is a child of the request's");
        assertNotEquals(caller.spanId(), sent.spanId());
    }

    @Test
    void theAssessmentOfAnInboundRecordContinuesThatRecordsTrace() {
        Traceparent partner = Traceparent.random();
        ObjectNode event = TestEvents.npp();
        String declarationId = event.get("declarationId").asText();
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", partner.toString().getBytes(StandardCharsets.UTF_8));
        companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.SHIPMENTS_INBOUND, null, declarationId,
                event.toString(), headers)).awaitCompletion();

        Traceparent sent = traceparentOf(awaitAssessment(declarationId));

        assertEquals(partner.traceId(), sent.traceId(),
                "the handler ran in the inbound record's trace, and the outbox carried it to the relay");
        assertNotEquals(partner.spanId(), sent.spanId());
    }

    /**
     * Records taken in one poll are handled in one transaction and their outbox rows written together at its end;
     * each assessment still continues its own record's trace.
     */
    @Test
    void theAssessmentsOfRecordsTakenTogetherEachContinueTheirOwnRecordsTrace() {
        List<Traceparent> partners = new ArrayList<>();
        List<String> declarations = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Traceparent partner = Traceparent.random();
            ObjectNode event = TestEvents.npp();
            String declarationId = event.get("declarationId").asText();
            RecordHeaders headers = new RecordHeaders();
            headers.add("traceparent", partner.toString().getBytes(StandardCharsets.UTF_8));
            records.add(new ProducerRecord<>(Topics.SHIPMENTS_INBOUND, null, declarationId, event.toString(),
                    headers));
            partners.add(partner);
            declarations.add(declarationId);
        }
        companion.produceStrings().fromRecords(records).awaitCompletion();

        for (int i = 0; i < records.size(); i++) {
            assertEquals(partners.get(i).traceId(), traceparentOf(awaitAssessment(declarations.get(i))).traceId(),
                    "the assessment of " + declarations.get(i) + " continues its own record's trace");
        }
    }

    private static ConsumerRecord<String, String> awaitAssessment(String declarationId) {
        await().atMost(AssessedTopic.PATIENCE).until(() -> assessmentOf(declarationId).isPresent());
        return assessmentOf(declarationId).orElseThrow();
    }

    private static Optional<ConsumerRecord<String, String>> assessmentOf(String declarationId) {
        return assessed.getRecords().stream()
                .filter(record -> declarationId.equals(AssessedTopic.read(record.value()).path("declarationId")
                        .asText()))
                .findFirst();
    }

    private static Traceparent traceparentOf(ConsumerRecord<String, String> record) {
        String header = KafkaCompanion.getHeader(record.headers(), "traceparent");
        assertNotNull(header, "the record carries a traceparent");
        return Traceparent.parse(header);
    }
}
