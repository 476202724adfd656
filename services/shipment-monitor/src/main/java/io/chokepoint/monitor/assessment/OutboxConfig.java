package io.chokepoint.monitor.assessment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the outbox relay sends stored messages to Kafka. */
@ConfigMapping(prefix = "chokepoint.outbox")
public interface OutboxConfig {

    /**
     * How often the relay looks for messages not yet acknowledged (after a failed send, or a stop between commit
     * and send). Read by the scheduler as {@code ${chokepoint.outbox.relay-interval}}.
     */
    @WithDefault("5s")
    String relayInterval();

    /** Most messages sent, then awaited, in one relay transaction. */
    @WithDefault("100")
    int batchSize();

    /** How long to wait for the broker to acknowledge a batch before leaving it to the next relay run. */
    @WithDefault("10s")
    Duration sendTimeout();
}
