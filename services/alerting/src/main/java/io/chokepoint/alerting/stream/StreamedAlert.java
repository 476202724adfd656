package io.chokepoint.alerting.stream;

import io.chokepoint.alerting.alerts.Alert;
import io.chokepoint.alerting.alerts.AlertSummary;
import io.chokepoint.alerting.alerts.AlertViews;
import io.chokepoint.alerting.alerts.SequencedAlert;

/**
 * An alert as the stream holds it: at its latest stream position, matched against filters as a
 * {@link SequencedAlert}, sent as an {@link AlertSummary}.
 *
 * @param position the number of the alert's latest change, the event id
 */
record StreamedAlert(long position, SequencedAlert alert, AlertSummary summary) {

    static StreamedAlert of(Alert alert, AlertViews views) {
        return new StreamedAlert(alert.streamPosition, views.toSequenced(alert), views.toSummary(alert));
    }

    /** The number of the alert's raise: a client whose cursor is below it has not been shown the alert yet. */
    long sequence() {
        return alert.sequence();
    }

    String alertId() {
        return alert.alert().alertId();
    }
}
