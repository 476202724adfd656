package io.chokepoint.monitor.shipment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.shipment.ShipmentEventType;

import java.time.Instant;
import java.util.List;

/** What the shipment endpoints answer. */
public final class ShipmentViews {

    private ShipmentViews() {
    }

    /** A shipment in a list. */
    public record ShipmentSummary(
            String shipmentId,
            String declarationId,
            String reportingAgency,
            ShipmentEventType status,
            boolean flagged,
            int revision,
            Instant createdAt,
            Instant updatedAt) {

        static ShipmentSummary of(Shipment shipment) {
            return new ShipmentSummary(shipment.id.toString(), shipment.declarationId, shipment.reportingAgency,
                    shipment.status, shipment.flagged, shipment.lastRevision, shipment.createdAt, shipment.updatedAt);
        }
    }

    /** One page of shipments, most recently updated first. */
    public record ShipmentPage(int page, int size, long totalItems, int totalPages, List<ShipmentSummary> items) {
    }

    /**
     * One event in a shipment's history, with the JSON the partner sent.
     *
     * @param assessmentRevision the revision of the assessment the event produced; absent when the event changed
     *                           nothing that is assessed (a movement report repeating the declaration)
     * @param superseded         true for an amendment or cancellation its agency sent as the shipment's provisional
     *                           owner, before another agency declared the shipment: kept, no longer merged; absent
     *                           otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(
            String eventId,
            ShipmentEventType eventType,
            String reportingAgency,
            Instant occurredAt,
            Instant receivedAt,
            EventChannel channel,
            Integer assessmentRevision,
            Boolean superseded,
            JsonNode event) {
    }

    /**
     * A shipment with its current state, its whole history (by occurrence) and its latest assessment.
     *
     * @param current what the shipment is now: parties, route and goods merged from all its events
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShipmentDetails(
            String shipmentId,
            String declarationId,
            String reportingAgency,
            ShipmentEventType status,
            Instant statusAt,
            boolean cancelled,
            Instant cancelledAt,
            boolean flagged,
            int revision,
            Instant createdAt,
            Instant updatedAt,
            ShipmentState current,
            List<HistoryEntry> events,
            ShipmentAssessed latestAssessment) {
    }
}
