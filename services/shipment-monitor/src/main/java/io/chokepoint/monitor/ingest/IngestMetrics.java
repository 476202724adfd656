package io.chokepoint.monitor.ingest;

import io.chokepoint.model.shipment.ShipmentEventType;
import io.chokepoint.monitor.shipment.EventChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Locale;

/**
 * What became of partner events, by the way they came ({@code path}: {@code rest} for single and batch requests,
 * {@code kafka}) and the reporting agency (see {@link AgencyTag}). Accepted and duplicate events are counted once
 * their transaction has committed, so a rolled-back event is not counted.
 */
@ApplicationScoped
public class IngestMetrics {

    static final String INGESTED = "chokepoint.shipment.events.ingested";
    static final String DUPLICATE = "chokepoint.shipment.events.duplicate";
    static final String REJECTED = "chokepoint.shipment.events.rejected";
    static final String OVER_RATE = "chokepoint.shipment.events.rate.limited";
    static final String DURATION = "chokepoint.ingest.duration";

    /** Why an event was refused, as the {@code reason} tag says it. */
    enum Rejection {
        /** Not JSON, or not a JSON object. */
        UNREADABLE,
        /** A JSON object with a wrong type or a field that fails validation. */
        INVALID,
        /**
         * Valid, but refused for another agency's shipment or eventId; counted on Kafka only, where it is
         * dead-lettered (a partner's REST request gets 403 or 409, counted with the HTTP server's requests).
         */
        REFUSED
    }

    private final MeterRegistry registry;
    private final AgencyTag agencies;

    IngestMetrics(MeterRegistry registry, IngestConfig config) {
        this.registry = registry;
        this.agencies = new AgencyTag(config.agencyTagLimit());
    }

    /**
     * Counts the time one event took, from its JSON to its committed or refused outcome: reading and validating
     * it, then recording it (for a batch, the whole batch's recording, which commits as one).
     */
    void took(EventChannel channel, Duration time) {
        Timer.builder(DURATION)
                .description("Time to take one partner event, from its JSON to its committed or refused outcome")
                .tag("path", path(channel))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(time);
    }

    void ingested(EventChannel channel, String agency, ShipmentEventType type) {
        Counter.builder(INGESTED)
                .description("New partner events recorded")
                .tag("path", path(channel))
                .tag("agency", agencies.of(agency))
                .tag("event_type", type.name())
                .register(registry)
                .increment();
    }

    void duplicate(EventChannel channel, String agency) {
        Counter.builder(DUPLICATE)
                .description("Partner events whose eventId was seen before: nothing done again")
                .tag("path", path(channel))
                .tag("agency", agencies.of(agency))
                .register(registry)
                .increment();
    }

    void rejected(EventChannel channel, String agency, Rejection reason) {
        Counter.builder(REJECTED)
                .description("Partner events refused: unreadable, invalid, or refused for another agency's data")
                .tag("path", path(channel))
                .tag("agency", agencies.of(agency))
                .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    void overRate(String agency, int events) {
        Counter.builder(OVER_RATE)
                .description("Partner events refused with 429 because their agency was over its event rate")
                .tag("agency", agencies.of(agency))
                .register(registry)
                .increment(events);
    }

    private static String path(EventChannel channel) {
        return channel == EventChannel.KAFKA ? "kafka" : "rest";
    }
}
