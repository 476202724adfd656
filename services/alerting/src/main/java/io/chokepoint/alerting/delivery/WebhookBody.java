package io.chokepoint.alerting.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chokepoint.model.alert.AlertRaised;

import java.time.Instant;

/**
 * What a webhook receives: the alert (the {@code alerts.raised} shape, as it stood after the change) with what a
 * receiver needs to check and order it.
 *
 * @param deliveryId the same on every attempt and resend: a receiver drops a repeat by it
 * @param event      {@code alert.raised}, or {@code alert.updated} for a subscription that asked for updates
 *                   (see {@link io.chokepoint.alerting.subscriptions.WebhookEvent})
 * @param sequence   the change's commit-order number (a raise's is the alert's sequence); a subscription receives
 *                   increasing numbers, so a receiver keeps the alert of the highest one it has seen
 * @param change     for {@code alert.updated}: STATUS_CHANGED or EVIDENCE_UPDATED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookBody(String deliveryId, String subscriptionId, String event, long sequence,
                          Instant createdAt, String change, AlertRaised alert) {
}
