package io.chokepoint.model.shipment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A shipment event as a partner agency pushes it, by REST or on {@code shipments.inbound}.
 * Validation belongs to shipment-monitor: this record only carries what was sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipmentEvent(
        String eventId,
        ShipmentEventType eventType,
        String declarationId,
        String reportingAgency,
        Instant occurredAt,
        Party exporter,
        Party consignee,
        Party notifyParty,
        Party intermediateConsignee,
        Party forwarder,
        Route route,
        List<GoodsLine> goods) {
}
