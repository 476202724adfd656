package io.chokepoint.platform.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context of the span that wrote an outbox message: its {@code traceparent} and {@code tracestate}.
 * The relay sends the message later, on a thread of its own, when the writer's span (a REST call, a Kafka record's
 * handling) is over; kept with the message, the context makes the record's producer span a child of that span, and
 * the consumer in the next service continues the same trace.
 * <p>
 * Always the W3C form, whatever propagators the service sends on the wire: these are two columns of a table, and the
 * relay turns them back into a parent context before the connector writes its own headers.
 *
 * @param parent the {@code traceparent}, or null when the writer ran outside any span
 * @param state  the {@code tracestate}, or null when there was none
 */
record TraceContext(String parent, String state) {

    static final TraceContext NONE = new TraceContext(null, null);

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";
    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The context of the span current on this thread (or Vert.x context); {@link #NONE} outside any span. */
    static TraceContext current() {
        return of(Context.current());
    }

    static TraceContext of(Context context) {
        Map<String, String> headers = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, headers, Map::put);
        String parent = headers.get(TRACEPARENT);
        String state = headers.get(TRACESTATE);
        return parent == null ? NONE : new TraceContext(parent, state == null || state.isEmpty() ? null : state);
    }

    /**
     * The stored span as the remote parent of what comes next, or the root context, where a new trace starts, when
     * none was stored (or what was stored is not a valid {@code traceparent}).
     */
    Context restore() {
        if (parent == null) {
            return Context.root();
        }
        Map<String, String> headers = new HashMap<>();
        headers.put(TRACEPARENT, parent);
        if (state != null) {
            headers.put(TRACESTATE, state);
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, HEADERS);
    }
}
