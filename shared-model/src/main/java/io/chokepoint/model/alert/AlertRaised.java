package io.chokepoint.model.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chokepoint.model.assessment.AssessedGoodsLine;

import java.time.Instant;
import java.util.List;

/** An alert as alerting serves it and produces it to {@code alerts.raised} (key: alertId). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertRaised(
        String alertId,
        String type,
        String severity,
        String status,
        Instant raisedAt,
        boolean late,
        String shipmentId,
        String declarationId,
        String reportingAgency,
        AlertParty party,
        AlertEntity entity,
        List<AssessedGoodsLine> goods,
        double score,
        String listVersion,
        String explanation) {

    /** The party as declared on the shipment. */
    public record AlertParty(String role, String name, String country) {
    }

    /** The sanctions entity the party matched. */
    public record AlertEntity(String entityId, String source, String sourceId, String name, List<String> programs) {
    }
}
