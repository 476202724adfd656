package io.chokepoint.model.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chokepoint.model.shipment.Route;
import io.chokepoint.model.shipment.ShipmentEventType;

import java.time.Instant;
import java.util.List;

/**
 * Published by shipment-monitor on {@code shipments.assessed} (key: shipmentId) each time a shipment is
 * assessed: its parties to screen, its goods with their classification, and its risk indicators.
 *
 * @param eventId         id of this assessment event, unique; consumers keep it to stay idempotent
 * @param sourceEventId   the partner's {@code eventId} that led to this assessment
 * @param revision        increases with every assessment of the same shipment
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipmentAssessed(
        String eventId,
        String shipmentId,
        String declarationId,
        String reportingAgency,
        String sourceEventId,
        ShipmentEventType eventType,
        int revision,
        Instant occurredAt,
        Instant assessedAt,
        List<AssessedParty> parties,
        List<AssessedGoodsLine> goods,
        Route route,
        List<RiskIndicator> indicators) {

    /** Whether any line is a controlled precursor or tableting equipment. */
    public boolean hasControlledGoods() {
        return goods != null && goods.stream().anyMatch(AssessedGoodsLine::isControlled);
    }
}
