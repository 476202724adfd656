package io.chokepoint.monitor.ingest;

/** What became of a submitted event. */
public enum IngestStatus {
    /**
     * New: recorded in the shipment's history and merged into its state, which was assessed; when that changed what
     * is assessed, the new assessment is on its way to {@code shipments.assessed}.
     */
    ACCEPTED,
    /** Its eventId was seen before: nothing was done again. */
    DUPLICATE,
    /** Invalid: nothing was recorded. */
    REJECTED,
    /**
     * Valid, but it would touch what belongs to another agency (its shipment, or its event's eventId): nothing was
     * recorded. A partner's single event gets 403 or 409 instead, and a batch holding one is refused whole; so it
     * shows in a batch's results only when another agency got in first while the batch was being recorded.
     */
    REFUSED
}
