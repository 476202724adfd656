package io.chokepoint.alerting.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/alerts/{id}/transitions}, as sent.
 *
 * @param status   ACKNOWLEDGED, ESCALATED, CONFIRMED or DISMISSED
 * @param reason   {@code {"code", "text"}}, or just a text; a dismissal needs a code
 * @param assignee who works on the alert from now on; unchanged when absent
 * @param note     free text kept in the history with the move
 */
public record TransitionRequest(String status, JsonNode reason, String assignee, String note) {
}
