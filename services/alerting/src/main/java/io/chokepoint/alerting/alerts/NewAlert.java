package io.chokepoint.alerting.alerts;

/**
 * Fired (CDI) when an alert is raised, inside the raising transaction: a plain observer writes what is owed in
 * that transaction (webhook deliveries), an {@code AFTER_SUCCESS} observer learns that the alert is committed.
 */
public record NewAlert(SequencedAlert alert) {
}
