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
    REJECTED
}
