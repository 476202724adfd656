package io.chokepoint.alerting.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.chokepoint.alerting.alerts.AlertStatus;
import io.chokepoint.alerting.alerts.CriteriaReader;
import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A checked transition request: every problem with the body is reported at once. Whether the move is allowed
 * from where the alert stands is decided later, against the alert.
 *
 * @param reasonCode the dismissal reason; null for other moves
 */
public record Transition(AlertStatus to, DismissalReason reasonCode, String reasonText, String assignee,
                         String note) {

    /** Where an officer can move an alert to; NEW is only where alerts start. */
    static final Set<AlertStatus> TARGETS = EnumSet.complementOf(EnumSet.of(AlertStatus.NEW));

    public static Transition parse(TransitionRequest request) {
        if (request == null) {
            throw InvalidRequestException.of(FieldError.BODY, "a body {\"status\", \"reason\", \"assignee\", "
                    + "\"note\"} is required");
        }
        List<FieldError> errors = new ArrayList<>();
        AlertStatus to = target(errors, request.status());
        JsonNode reason = request.reason();
        DismissalReason code = reasonCode(errors, to, reason);
        String text = Texts.optional(errors, "reason.text", reasonText(errors, reason), Texts.MAX_REASON);
        if (to == AlertStatus.DISMISSED && code == null && !hasField(errors, "reason")) {
            errors.add(new FieldError("reason.code", "a dismissal needs a reason code, one of "
                    + List.of(DismissalReason.values())));
        }
        if (code == DismissalReason.OTHER && text == null) {
            errors.add(new FieldError("reason.text", "must say why when the code is OTHER"));
        }
        String assignee = Texts.optional(errors, "assignee", request.assignee(), Texts.MAX_NAME);
        String note = Texts.optional(errors, "note", request.note(), Texts.MAX_NOTE);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Transition(to, code, text, assignee, note);
    }

    private static AlertStatus target(List<FieldError> errors, String status) {
        if (status == null || status.isBlank()) {
            errors.add(new FieldError("status", "is required, one of " + TARGETS));
            return null;
        }
        AlertStatus to = new CriteriaReader(errors).code("status", status, AlertStatus.class);
        if (to == AlertStatus.NEW) {
            errors.add(new FieldError("status", "must be one of " + TARGETS + ": alerts only start NEW"));
            return null;
        }
        return to;
    }

    private static DismissalReason reasonCode(List<FieldError> errors, AlertStatus to, JsonNode reason) {
        if (reason == null || !reason.isObject() || !reason.hasNonNull("code")) {
            return null;
        }
        JsonNode code = reason.get("code");
        if (to != null && to != AlertStatus.DISMISSED) {
            errors.add(new FieldError("reason.code", "only a dismissal takes a reason code; give a text instead"));
            return null;
        }
        if (!code.isTextual()) {
            errors.add(new FieldError("reason.code", "must be one of " + List.of(DismissalReason.values())));
            return null;
        }
        return new CriteriaReader(errors).code("reason.code", code.asText(), DismissalReason.class);
    }

    private static String reasonText(List<FieldError> errors, JsonNode reason) {
        if (reason == null || reason.isNull()) {
            return null;
        }
        if (reason.isTextual()) {
            return reason.asText();
        }
        if (!reason.isObject()) {
            errors.add(new FieldError("reason", "must be an object {\"code\", \"text\"} or a text"));
            return null;
        }
        JsonNode text = reason.get("text");
        if (text != null && !text.isNull() && !text.isTextual()) {
            errors.add(new FieldError("reason.text", "must be a string"));
            return null;
        }
        return text == null || text.isNull() ? null : text.asText();
    }

    private static boolean hasField(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }
}
