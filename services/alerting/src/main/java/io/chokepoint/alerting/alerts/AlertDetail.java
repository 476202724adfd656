package io.chokepoint.alerting.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.chokepoint.model.alert.AlertRaised;

import java.time.Instant;
import java.util.List;

/**
 * One alert as {@code GET /api/v1/alerts/{id}} answers it: the published shape plus where it stands in its review
 * and its history.
 *
 * @param matchedName        the listed name or alias of the entity that the declared party name matched
 * @param matchExplanation   what raised and lowered the match score, in words
 * @param version            the version to send back in {@code If-Match} (also the ETag)
 * @param sequence           the alert's number in the stream (of its raise)
 * @param reason             why it stands where it is (the dismissal reason of a DISMISSED alert)
 * @param allowedTransitions the statuses it may move to now
 * @param assignable         whether it takes an assignee now
 * @param suppression        the standing false-positive suppression this alert published, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertDetail(@JsonUnwrapped AlertRaised alert, String matchedName, String matchExplanation,
                          Instant updatedAt, long version, long sequence,
                          String originCountry, String destinationCountry, String assignee,
                          Instant statusChangedAt, String statusChangedBy, Reason reason,
                          List<String> allowedTransitions, boolean assignable,
                          Suppression suppression, List<HistoryEntry> history) {

    /** A reason: a code where the move has a list of them, and words. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String code, String text) {
    }

    /** The suppression published for the alert's party name and entity. */
    public record Suppression(String key, String partyName, String entityId, String createdBy, Instant createdAt) {
    }

    /**
     * @param kind    RAISED, EVIDENCE_UPDATED, STATUS_CHANGED, ASSIGNED, NOTE_ADDED, SUPPRESSED, SUPPRESSION_LIFTED
     * @param changes field name to {@code {"from", "to"}}, for EVIDENCE_UPDATED
     * @param actor   who did it; absent for what the service did on its own
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(String kind, Instant at, String summary, JsonNode changes, String screeningEventId,
                               String actor, String fromStatus, String toStatus, Reason reason, String note,
                               String assignee) {
    }
}
