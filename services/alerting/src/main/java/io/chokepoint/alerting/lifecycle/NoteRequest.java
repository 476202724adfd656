package io.chokepoint.alerting.lifecycle;

import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /api/v1/alerts/{id}/notes}: {@code {"note"}}. */
public record NoteRequest(String note) {

    /** The note, trimmed; 400 when absent, blank or too long. */
    static String check(NoteRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String note = request == null ? null : Texts.optional(errors, "note", request.note(), Texts.MAX_NOTE);
        if (note == null && errors.isEmpty()) {
            errors.add(new FieldError("note", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return note;
    }
}
