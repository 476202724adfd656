package io.chokepoint.alerting.lifecycle;

import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code PUT /api/v1/alerts/{id}/assignee}.
 *
 * @param assignee who works on the alert from now on; null or blank unassigns it
 * @param note     kept in the history with the change
 */
public record AssignmentRequest(String assignee, String note) {

    record Checked(String assignee, String note) {
    }

    static Checked check(AssignmentRequest request) {
        if (request == null) {
            throw InvalidRequestException.of(FieldError.BODY, "a body {\"assignee\", \"note\"} is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String assignee = Texts.optional(errors, "assignee", request.assignee(), Texts.MAX_NAME);
        String note = Texts.optional(errors, "note", request.note(), Texts.MAX_NOTE);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Checked(assignee, note);
    }
}
