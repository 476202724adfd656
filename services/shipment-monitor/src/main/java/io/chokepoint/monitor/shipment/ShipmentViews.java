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

    /** One event in a shipment's history, with the JSON the partner sent. */
    public record HistoryEntry(
            String eventId,
            ShipmentEventType eventType,
            String reportingAgency,
            Instant occurredAt,
            Instant receivedAt,
            EventChannel channel,
            JsonNode event) {
    }

    /** A shipment with its whole history and its latest assessment. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShipmentDetails(
            String shipmentId,
            String declarationId,
            String reportingAgency,
            ShipmentEventType status,
            boolean flagged,
            int revision,
            Instant createdAt,
            Instant updatedAt,
            List<HistoryEntry> events,
            ShipmentAssessed latestAssessment) {
    }
}
