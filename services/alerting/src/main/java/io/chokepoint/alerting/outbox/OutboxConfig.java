package io.chokepoint.alerting.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the outbox is relayed to Kafka. */
@ConfigMapping(prefix = "chokepoint.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unsent messages (a Quarkus scheduler interval, such as {@code 1s}). */
    @WithDefault("1s")
    String relayInterval();

    /** Most messages sent by one relay run. */
    @WithDefault("100")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge one message before trying again later. */
    @WithDefault("PT10S")
    Duration sendTimeout();
}
