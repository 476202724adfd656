package io.chokepoint.alerting.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A delivery as answered, with every attempt made.
 *
 * @param failures      failed attempts since it was written or last resent
 * @param nextAttemptAt when it is tried next, while PENDING
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(String deliveryId, String subscriptionId, String alertId, long sequence, String event,
                           String status,
                           int failures, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                           Instant parkedAt, Integer lastStatusCode, String lastError, Instant resentAt,
                           String resentBy, List<Attempt> attempts) {

    /** One attempt: when, how long, the receiver's status (absent if it did not answer), what went wrong. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(int attempt, Instant startedAt, long durationMs, Integer statusCode, String error,
                          String outcome) {
    }

    /** One page of a subscription's deliveries, newest alert first. */
    public record Page(List<DeliveryView> items, long total, int page, int size) {
    }

    static DeliveryView of(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
        return new DeliveryView(delivery.id.toString(), delivery.subscriptionId.toString(),
                delivery.alertId.toString(), delivery.alertSequence, delivery.event, delivery.status.name(), delivery.failures,
                delivery.createdAt, delivery.status == DeliveryStatus.PENDING ? delivery.nextAttemptAt : null,
                delivery.deliveredAt, delivery.parkedAt, delivery.lastStatusCode, delivery.lastError,
                delivery.resentAt, delivery.resentBy,
                attempts.stream().map(a -> new Attempt(a.attempt, a.startedAt, a.durationMs, a.statusCode, a.error,
                        a.outcome)).toList());
    }
}
