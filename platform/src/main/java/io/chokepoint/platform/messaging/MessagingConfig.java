package io.chokepoint.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How consumed records are handled. */
@ConfigMapping(prefix = "chokepoint.messaging")
public interface MessagingConfig {

    /** Retries of a handler that failed for a reason other than invalid input (the database away, say). */
    Retry retry();

    interface Retry {

        /** Most retries after the first attempt; then the record is dead-lettered. */
        @WithDefault("4")
        int maxRetries();

        /** Wait before the first retry; each next wait doubles, up to {@code max-delay}. */
        @WithDefault("500ms")
        Duration delay();

        /** Longest wait between two attempts. */
        @WithDefault("5s")
        Duration maxDelay();

        /**
         * Longest time spent on one record, attempts and waits included; then it is dead-lettered. Keep it well
         * under the Kafka connector's {@code throttled.unprocessed-record-max-age.ms} (60s by default), past which
         * the connector reports the channel unhealthy.
         */
        @WithDefault("30s")
        Duration maxDuration();
    }
}
