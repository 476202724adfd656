package io.chokepoint.alerting.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.chokepoint.model.alert.AlertRaised;

import java.time.Instant;
import java.util.List;

/** One alert as {@code GET /api/v1/alerts/{id}} answers it: the published shape plus its history. */
public record AlertDetail(@JsonUnwrapped AlertRaised alert, Instant updatedAt, List<HistoryEntry> history) {

    /**
     * @param kind    RAISED or EVIDENCE_UPDATED
     * @param changes field name to {@code {"from", "to"}}, absent for RAISED
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(String kind, Instant at, String summary, JsonNode changes, String screeningEventId) {
    }
}
