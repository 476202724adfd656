package io.chokepoint.monitor.ingest;

/** What became of a submitted event. */
public enum IngestStatus {
    /** New: recorded, assessed, and its assessment is on its way to {@code shipments.assessed}. */
    ACCEPTED,
    /** Its eventId was seen before: nothing was done again. */
    DUPLICATE,
    /** Invalid: nothing was recorded. */
    REJECTED
}
