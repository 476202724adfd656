package io.chokepoint.local.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Alerts from {@code alerts.raised} held against the events this run sent, by the declaration id an alert names.
 * An alert of this run's declarations is expected when its case expects that type on that listed entry
 * ({@code sourceId}); a second one for the same declaration and entry is a duplicate. An alert on a case that must
 * raise none is unexpected. An alert on another entry of a shipment that expects one is counted apart, as the
 * evaluation counts it: the ground truth names one entry per shipment, and a shipment may have a second party that
 * resembles a listed one; if the expected alert never comes, it is missing. Alerts of other declarations (another
 * run, a rescreen of older shipments) are counted apart too and judge nothing.
 */
final class AlertTally {

    /** Unexpected alerts described in the report, so that a failed run says what went wrong. */
    static final int SAMPLES = 5;

    private final SentShipments sent;
    private final Set<String> arrived = new HashSet<>();
    private final List<Long> latenciesMillis = new ArrayList<>();
    private final List<String> unexpectedSamples = new ArrayList<>();
    private long duplicates;
    private long unexpected;
    private long otherEntry;
    private long foreign;
    private long lastExpectedAtMillis;

    AlertTally(SentShipments sent) {
        this.sent = sent;
    }

    /**
     * One alert; {@code raisedAtMillis} is its record's timestamp (when alerting produced it), held against the
     * time its event was sent for the latency.
     */
    synchronized void record(JsonNode alert, long raisedAtMillis, long receivedAtMillis) {
        String declarationId = alert.path("declarationId").asText();
        SentShipments.Sent event = sent.find(declarationId);
        if (event == null) {
            foreign++;
        } else if (!event.expectsAlert()) {
            unexpected++;
            sample(event, alert);
        } else if (!isExpected(event, alert)) {
            otherEntry++;
        } else if (!arrived.add(declarationId)) {
            duplicates++;
        } else {
            latenciesMillis.add(Math.max(0, raisedAtMillis - event.sentAtMillis()));
            lastExpectedAtMillis = Math.max(lastExpectedAtMillis, receivedAtMillis);
        }
    }

    private void sample(SentShipments.Sent event, JsonNode alert) {
        if (unexpectedSamples.size() < SAMPLES) {
            unexpectedSamples.add(alert.path("declarationId").asText() + " (case " + event.event().category()
                    + ", expects none): " + alert.path("type").asText() + " on " + alert.path("entity").path("sourceId").asText()
                    + (alert.path("late").asBoolean() ? ", late" : ""));
        }
    }

    private static boolean isExpected(SentShipments.Sent event, JsonNode alert) {
        return event.event().expectedAlert().equals(alert.path("type").asText())
                && event.event().expectedSourceId().equals(alert.path("entity").path("sourceId").asText());
    }

    synchronized long arrived() {
        return arrived.size();
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long unexpected() {
        return unexpected;
    }

    synchronized List<String> unexpectedSamples() {
        return List.copyOf(unexpectedSamples);
    }

    synchronized long otherEntry() {
        return otherEntry;
    }

    synchronized long foreign() {
        return foreign;
    }

    synchronized long missing() {
        return sent.expectingAlert() - arrived.size();
    }

    /** When the last expected alert was received, or 0 before the first. */
    synchronized long lastExpectedAtMillis() {
        return lastExpectedAtMillis;
    }

    synchronized Latencies latencies() {
        return Latencies.of(latenciesMillis);
    }
}
