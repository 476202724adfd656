package io.chokepoint.alerting.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * What became of webhook deliveries, counted once recorded (committed): each attempt is {@code delivered} (the
 * receiver answered 2xx) or {@code failed}; a delivery parked after its last failed attempt also counts as
 * {@code parked}; one put back in the queue by an operator as {@code resent}. So delivered + failed is the number of
 * attempts, which the attempt timer counts too.
 */
@ApplicationScoped
public class WebhookMetrics {

    static final String DELIVERIES = "chokepoint.webhook.deliveries";
    static final String ATTEMPT_DURATION = "chokepoint.webhook.attempt.duration";

    private final MeterRegistry registry;
    private final Timer attemptDuration;

    public WebhookMetrics(MeterRegistry registry, WebhookConfig config) {
        this.registry = registry;
        this.attemptDuration = Timer.builder(ATTEMPT_DURATION)
                .description("Time of one webhook exchange, from connecting to the receiver's answer or the failure")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(config.connectTimeout().plus(config.requestTimeout()))
                .register(registry);
    }

    /** One attempt whose outcome is committed; {@code parked} when it parked its delivery. */
    void attempted(AttemptResult result, boolean parked) {
        attemptDuration.record(Duration.ofMillis(result.durationMs()));
        count(result.delivered() ? "delivered" : "failed", 1);
        if (parked) {
            count("parked", 1);
        }
    }

    /** Parked deliveries put back in their queues, once committed. */
    void resent(int deliveries) {
        count("resent", deliveries);
    }

    private void count(String outcome, int deliveries) {
        Counter.builder(DELIVERIES)
                .description("Webhook attempts delivered or failed, deliveries parked, and parked ones resent")
                .tag("outcome", outcome)
                .register(registry)
                .increment(deliveries);
    }
}
