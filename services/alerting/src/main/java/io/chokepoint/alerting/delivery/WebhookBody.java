package io.chokepoint.alerting.delivery;

import io.chokepoint.model.alert.AlertRaised;

import java.time.Instant;

/**
 * What a webhook receives: the alert as raised (the {@code alerts.raised} shape) with what a receiver needs to
 * check and order it.
 *
 * @param deliveryId the same on every attempt and resend: a receiver drops a repeat by it
 * @param event      {@value #ALERT_RAISED}
 * @param sequence   the alert's commit-order number; a subscription receives increasing numbers
 */
public record WebhookBody(String deliveryId, String subscriptionId, String event, long sequence,
                          Instant createdAt, AlertRaised alert) {

    public static final String ALERT_RAISED = "alert.raised";
}
