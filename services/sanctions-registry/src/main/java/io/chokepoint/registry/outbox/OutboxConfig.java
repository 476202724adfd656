package io.chokepoint.registry.outbox;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How the outbox is relayed to Kafka. */
@ConfigMapping(prefix = "chokepoint.outbox")
public interface OutboxConfig {

    /** Most messages sent to Kafka before their acknowledgements are awaited and their rows deleted. */
    int batchSize();

    /** How long to wait for Kafka to acknowledge one batch before it is retried later. */
    Duration sendTimeout();

    /**
     * How often the outbox is swept for messages that the after-commit relay missed (service stopped,
     * Kafka down). Read by the scheduler as {@code ${chokepoint.outbox.sweep-interval}}.
     */
    Duration sweepInterval();
}
