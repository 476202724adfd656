package io.chokepoint.registry.audit;

/** What became of a request to change the lists. */
public enum ChangeOutcome {
    /** Accepted and committed as a list version. */
    APPLIED,
    /** Accepted, but the lists already said so: no version (the same file again, a second delisting). */
    UNCHANGED,
    /** Answered 4xx: bad input, an unknown entity, a conflict, a file or body too large. Nothing changed. */
    REFUSED,
    /**
     * Answered 403 before any endpoint ran: an authenticated caller whose roles may not change the lists (an officer
     * delisting an entity). Nothing changed.
     */
    FORBIDDEN,
    /** Answered 5xx: the service failed; the change, if begun, was rolled back. */
    FAILED;

    static ChangeOutcome ofStatus(int status) {
        return status >= 500 ? FAILED : REFUSED;
    }
}
