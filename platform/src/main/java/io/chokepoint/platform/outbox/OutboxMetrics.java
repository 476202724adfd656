package io.chokepoint.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the relay did: messages acknowledged by the broker, per topic, counted once the transaction that marks them
 * sent has committed, with the delay of each from its writing to its acknowledgement; and how many wait to be sent,
 * as of the relay's last run (after each writer's commit, and at least every {@code sweep-interval}). The gauge is
 * read from memory, so a scrape never touches the database.
 */
@ApplicationScoped
public class OutboxMetrics {

    static final String RELAYED = "chokepoint.outbox.relayed";
    static final String PENDING = "chokepoint.outbox.pending.messages";
    static final String DELAY = "chokepoint.outbox.relay.delay";

    /**
     * Buckets of the delay histogram: a few, so that a topic's series stay few, around what the relay aims at
     * (well under a second after the commit) and what the sweep alone would give (its interval).
     */
    private static final Duration[] DELAY_BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(PENDING, pending, AtomicLong::get)
                .description("Outbox messages not yet acknowledged by the broker, counted every sweep interval")
                .strongReference(true)
                .register(registry);
    }

    void relayed(List<OutboxBatch.Acknowledged> sent) {
        Map<String, Long> perTopic = sent.stream()
                .collect(Collectors.groupingBy(OutboxBatch.Acknowledged::topic, Collectors.counting()));
        perTopic.forEach((topic, count) -> Counter.builder(RELAYED)
                .description("Outbox messages acknowledged by the broker and marked sent")
                .tag("topic", topic)
                .register(registry)
                .increment(count));
        for (OutboxBatch.Acknowledged message : sent) {
            // written on another instance whose clock runs ahead of this one's: counted as no delay
            delay(message.topic()).record(message.delay().isNegative() ? Duration.ZERO : message.delay());
        }
    }

    void pending(long unsent) {
        pending.set(unsent);
    }

    private Timer delay(String topic) {
        return Timer.builder(DELAY)
                .description("From an outbox message's writing to the broker's acknowledgement of its record")
                .tag("topic", topic)
                .serviceLevelObjectives(DELAY_BUCKETS)
                .register(registry);
    }
}
