package io.chokepoint.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the relay did: messages acknowledged by the broker, per topic, counted once the transaction that marks them
 * sent has committed; and how many wait to be sent, as of the relay's last run (after each writer's commit, and at
 * least every {@code sweep-interval}). The gauge is read from memory, so a scrape never touches the database.
 */
@ApplicationScoped
public class OutboxMetrics {

    static final String RELAYED = "chokepoint.outbox.relayed";
    static final String PENDING = "chokepoint.outbox.pending.messages";

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(PENDING, pending, AtomicLong::get)
                .description("Outbox messages not yet acknowledged by the broker, as of the relay's last run")
                .strongReference(true)
                .register(registry);
    }

    void relayed(List<String> topicsOfSentMessages) {
        Map<String, Long> perTopic = topicsOfSentMessages.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        perTopic.forEach((topic, sent) -> Counter.builder(RELAYED)
                .description("Outbox messages acknowledged by the broker and marked sent")
                .tag("topic", topic)
                .register(registry)
                .increment(sent));
    }

    void pending(long unsent) {
        pending.set(unsent);
    }
}
