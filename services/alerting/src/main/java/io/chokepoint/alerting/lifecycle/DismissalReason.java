package io.chokepoint.alerting.lifecycle;

/** Why an officer dismissed an alert; the code that goes with the free text of a dismissal. */
public enum DismissalReason {
    /** The party is not the sanctioned entity it matched: suppressed for that name and entity. */
    FALSE_POSITIVE,
    /** The party is the entity, but the trade is licensed or otherwise lawful. */
    LICENSED_TRADE,
    /** Another alert already covers it. */
    DUPLICATE,
    /** Not enough to act on. */
    INSUFFICIENT_EVIDENCE,
    /** Anything else; the text must say what. */
    OTHER;

    /** Whether a dismissal for this reason publishes a suppression of the party name for the entity. */
    public boolean suppressesParty() {
        return this == FALSE_POSITIVE;
    }
}
