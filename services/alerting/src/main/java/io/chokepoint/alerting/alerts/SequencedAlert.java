package io.chokepoint.alerting.alerts;

import io.chokepoint.model.alert.AlertRaised;

/**
 * An alert with its place in the commit order and the route of its shipment: what the stream sends and what
 * subscription filters are matched against.
 *
 * @param sequence the alert's number (see {@link AlertSequencer}), the SSE event id
 */
public record SequencedAlert(long sequence, AlertRaised alert, String originCountry, String destinationCountry) {
}
