package io.chokepoint.alerting.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * The stream of this instance: clients connected now (read from memory at each scrape), and events written to
 * clients by event name ({@code alert}, {@code alert-updated}), counted once the connection has taken them.
 */
@ApplicationScoped
public class StreamMetrics {

    static final String CLIENTS = "chokepoint.stream.clients";
    static final String EVENTS_SENT = "chokepoint.stream.events.sent";

    private final MeterRegistry registry;

    public StreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the gauge of connected clients, read from the hub at each scrape. */
    void watchClients(Supplier<Number> connected) {
        Gauge.builder(CLIENTS, connected)
                .description("Clients connected to this instance's alert stream")
                .register(registry);
    }

    void sent(String event) {
        Counter.builder(EVENTS_SENT)
                .description("Events written to stream clients, by event name")
                .tag("event", event)
                .register(registry)
                .increment();
    }
}
