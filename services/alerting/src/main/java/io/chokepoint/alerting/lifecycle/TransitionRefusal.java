package io.chokepoint.alerting.lifecycle;

import io.chokepoint.alerting.audit.TransitionOutcome;
import io.chokepoint.platform.web.InvalidRequestException;
import io.chokepoint.platform.web.UnknownIdException;

import java.util.stream.Collectors;

/** A refused or failed request to move an alert, as the audit records it: the status and words of its answer. */
record TransitionRefusal(TransitionOutcome outcome, int httpStatus, String message) {

    private static final int BAD_REQUEST = 400;
    private static final int NOT_FOUND = 404;
    private static final int INTERNAL_ERROR = 500;

    static TransitionRefusal of(RuntimeException failure) {
        if (failure instanceof InvalidRequestException invalid) {
            return new TransitionRefusal(TransitionOutcome.REFUSED, BAD_REQUEST, invalid.errors().stream()
                    .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
        }
        if (failure instanceof LifecycleException conflict) {
            return new TransitionRefusal(TransitionOutcome.REFUSED, conflict.status(), conflict.conflict().message());
        }
        if (failure instanceof UnknownIdException unknown) {
            return new TransitionRefusal(TransitionOutcome.REFUSED, NOT_FOUND, unknown.getMessage());
        }
        return new TransitionRefusal(TransitionOutcome.FAILED, INTERNAL_ERROR,
                "internal error (" + failure.getClass().getSimpleName() + "), see the service's log");
    }

    /** Whether the transitions meter counts it as refused: a 400, 409 or 412, not an unknown alert or a failure. */
    static boolean isCounted(RuntimeException failure) {
        return failure instanceof InvalidRequestException || failure instanceof LifecycleException;
    }
}
