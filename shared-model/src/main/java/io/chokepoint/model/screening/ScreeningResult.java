package io.chokepoint.model.screening;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * Published by sanctions-registry on {@code screening.results} (key: shipmentId): every party of one
 * assessment of a shipment, screened against one list version.
 *
 * @param eventId           id of this result, unique
 * @param assessmentEventId the {@code shipments.assessed} event that was screened
 * @param revision          the assessment revision that was screened
 * @param late              true when produced by a rescreen after a list change, not by the assessment itself
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScreeningResult(
        String eventId,
        String shipmentId,
        String declarationId,
        String reportingAgency,
        String assessmentEventId,
        int revision,
        String listVersion,
        Instant screenedAt,
        boolean late,
        List<PartyScreening> parties) {
}
