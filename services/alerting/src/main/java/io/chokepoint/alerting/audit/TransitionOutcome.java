package io.chokepoint.alerting.audit;

/** What came of a request to move an alert. */
public enum TransitionOutcome {
    /** Committed: the alert moved. */
    APPLIED,
    /** Answered 400, 404, 409 or 412: nothing changed. */
    REFUSED,
    /** The service could not complete it (answered 500): nothing changed. */
    FAILED,
    /** Answered 403: the caller's token holds no role the move admits, so the request was not read. */
    FORBIDDEN
}
