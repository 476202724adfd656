package io.chokepoint.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.Record;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message keeps the trace context of the span that wrote it, and the relay hands that span to the connector as the
 * parent of the record's producer span: the trace goes on across the outbox, whatever thread sends the record.
 */
class OutboxTraceTest {

    private static final Instant WRITTEN = Instant.parse("2026-11-28T10:15:00.123456Z");
    private static final String TYPE = "io.chokepoint.shipment.assessed";

    private static SdkTracerProvider tracing;
    private static Tracer tracer;

    @BeforeAll
    static void startTracing() {
        tracing = SdkTracerProvider.builder().build();
        tracer = tracing.get("outbox-trace-test");
    }

    @AfterAll
    static void stopTracing() {
        tracing.close();
    }

    @Test
    void aMessageWrittenInsideASpanKeepsThatSpansTraceparent() {
        Span request = tracer.spanBuilder("POST /api/v1/shipments").setSpanKind(SpanKind.SERVER).startSpan();
        OutboxMessage message;
        try (Scope ignored = request.makeCurrent()) {
            message = Outbox.toMessage(assessed(), TYPE, "{}", WRITTEN, TraceContext.current());
        } finally {
            request.end();
        }

        SpanContext span = request.getSpanContext();
        assertTrue(span.isValid());
        assertEquals("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01", message.traceParent);
        assertNull(message.traceState, "no tracestate came with the request");
    }

    @Test
    void everyMessageOfABulkWriteKeepsTheSameContext() {
        Span consumer = tracer.spanBuilder("sanctions.entities process").setSpanKind(SpanKind.CONSUMER).startSpan();
        try (Scope ignored = consumer.makeCurrent()) {
            List<OutboxMessage> messages = Outbox.toMessages(List.of(assessed(), assessed()),
                    Map.of("shipments.assessed", TYPE), payload -> "{}", WRITTEN, TraceContext.current());
            String expected = "00-" + consumer.getSpanContext().getTraceId() + "-"
                    + consumer.getSpanContext().getSpanId() + "-01";
            assertEquals(List.of(expected, expected), messages.stream().map(m -> m.traceParent).toList());
        } finally {
            consumer.end();
        }
    }

    @Test
    void theTracestateIsKeptWithTheTraceparent() {
        TraceState state = TraceState.builder().put("vendor", "a1b2").build();
        SpanContext remote = SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), state);

        TraceContext kept = TraceContext.of(Context.root().with(Span.wrap(remote)));

        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", kept.parent());
        assertEquals("vendor=a1b2", kept.state());
        SpanContext restored = Span.fromContext(kept.restore()).getSpanContext();
        assertEquals(remote.getTraceId(), restored.getTraceId());
        assertEquals(remote.getSpanId(), restored.getSpanId());
        assertEquals("a1b2", restored.getTraceState().get("vendor"));
    }

    @Test
    void outsideAnySpanNothingIsStored() {
        assertFalse(Span.current().getSpanContext().isValid(), "no span is current in this test");

        OutboxMessage message = Outbox.toMessage(assessed(), TYPE, "{}", WRITTEN, TraceContext.current());

        assertNull(message.traceParent);
        assertNull(message.traceState);
    }

    @Test
    void theRelayedRecordContinuesTheStoredTrace() throws Exception {
        Span handler = tracer.spanBuilder("shipments.assessed process").setSpanKind(SpanKind.CONSUMER).startSpan();
        OutboxMessage message;
        try (Scope ignored = handler.makeCurrent()) {
            message = Outbox.toMessage(assessed(), TYPE, "{\"a\":1}", WRITTEN, TraceContext.current());
        } finally {
            handler.end();
        }
        JsonNode payload = new ObjectMapper().readTree(message.payload);

        // Sent later, from a thread where no span is current.
        assertFalse(Span.current().getSpanContext().isValid());
        Message<Record<String, JsonNode>> kafka = OutboxRelay.toKafkaMessage(message, payload);

        Context parent = kafka.getMetadata(TracingMetadata.class).orElseThrow().getCurrentContext();
        SpanContext stored = Span.fromContext(parent).getSpanContext();
        assertEquals(handler.getSpanContext().getTraceId(), stored.getTraceId());
        assertEquals(handler.getSpanContext().getSpanId(), stored.getSpanId());
        assertTrue(stored.isRemote(), "restored from the row, not the live span");

        // What the connector does with it: a producer span, child of the handler's, in the same trace.
        Span producer = tracer.spanBuilder("shipments.assessed publish").setSpanKind(SpanKind.PRODUCER)
                .setParent(parent).startSpan();
        producer.end();
        assertEquals(handler.getSpanContext().getTraceId(), producer.getSpanContext().getTraceId());
        assertNotEquals(handler.getSpanContext().getSpanId(), producer.getSpanContext().getSpanId());
        assertEquals(handler.getSpanContext().getSpanId(),
                ((ReadableSpan) producer).getParentSpanContext().getSpanId());
    }

    @Test
    void aMessageWithoutAStoredContextStartsANewTraceRatherThanTakingTheSendersSpan() {
        OutboxMessage message = Outbox.toMessage(assessed(), TYPE, null, WRITTEN, TraceContext.NONE);

        Span sender = tracer.spanBuilder("unrelated").startSpan();
        Context parent;
        try (Scope ignored = sender.makeCurrent()) {
            parent = OutboxRelay.toKafkaMessage(message, null).getMetadata(TracingMetadata.class).orElseThrow()
                    .getCurrentContext();
        } finally {
            sender.end();
        }

        assertSame(Context.root(), parent);
    }

    @Test
    void anUnreadableStoredTraceparentStartsANewTrace() {
        Context restored = new TraceContext("00-not-a-trace-01", null).restore();

        assertFalse(Span.fromContext(restored).getSpanContext().isValid());
    }

    private static OutboundEvent assessed() {
        return OutboundEvent.of("shipments.assessed", "shipment-9", null);
    }
}
