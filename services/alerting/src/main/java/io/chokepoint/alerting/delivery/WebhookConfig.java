package io.chokepoint.alerting.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How webhook deliveries are sent, retried and parked. */
@ConfigMapping(prefix = "chokepoint.webhooks")
public interface WebhookConfig {

    /** Wait after the first failed attempt; it doubles after each further failure. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("5m")
    Duration maxBackoff();

    /**
     * Failed attempts after which a delivery is parked. A parked delivery holds back the subscription's later ones
     * (order is kept) until it is resent.
     */
    @WithDefault("8")
    int attemptsBeforeParking();

    /** Longest wait for a receiver to accept the connection. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Longest wait for a receiver's answer once connected; longer counts as a failed attempt. */
    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * How often the dispatcher looks for deliveries due (retries whose wait is over, deliveries written by other
     * instances); new alerts and resends wake it at once. Read by the scheduler as
     * {@code ${chokepoint.webhooks.poll-interval}}.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most deliveries on their way at once from this instance, one per subscription at most. */
    @WithDefault("32")
    int maxInFlight();

    /** Page size of the deliveries list when the request names none. */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest page size of the deliveries list. */
    @WithDefault("200")
    int maxPageSize();
}
