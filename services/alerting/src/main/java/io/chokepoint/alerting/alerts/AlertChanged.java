package io.chokepoint.alerting.alerts;

/**
 * Fired (CDI) when a raised alert changes, inside the changing transaction, like {@link NewAlert} for a raise: a
 * plain observer writes what is owed in that transaction (webhook deliveries), an {@code AFTER_SUCCESS} observer
 * learns that the change is committed.
 *
 * @param alert    the alert as it stands after the change
 * @param position the change's number in commit order (the alert's new stream position)
 * @param change   what changed: EVIDENCE_UPDATED, STATUS_CHANGED, ASSIGNED, NOTE_ADDED or SUPPRESSION_LIFTED
 */
public record AlertChanged(SequencedAlert alert, long position, AlertEvent.Kind change) {
}
