package io.chokepoint.alerting.alerts;

import java.time.Instant;

/**
 * Fired (CDI) when an alert is raised, inside the raising transaction: a plain observer writes what is owed in
 * that transaction (webhook deliveries), an {@code AFTER_SUCCESS} observer learns that the alert is committed.
 *
 * @param assessedAt when shipment-monitor assessed the shipment revision the alert was raised from; null when the
 *                   assessment did not say
 */
public record NewAlert(SequencedAlert alert, Instant assessedAt) {
}
