package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chokepoint.platform.web.FieldError;

import java.util.List;

/** What the ingestion endpoints answer. */
public final class IngestViews {

    private IngestViews() {
    }

    /** The answer to one accepted or duplicate event. */
    public record Receipt(String shipmentId, String eventId, IngestStatus status) {

        static Receipt of(IngestOutcome outcome) {
            return new Receipt(outcome.shipmentId(), outcome.eventId(), outcome.status());
        }
    }

    /** The outcome of one event of a batch, at its position in the batch. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record BatchItem(int index, String eventId, String shipmentId, IngestStatus status, List<FieldError> errors) {

        static BatchItem of(int index, IngestOutcome outcome) {
            return new BatchItem(index, outcome.eventId(), outcome.shipmentId(), outcome.status(), outcome.errors());
        }
    }

    /** The answer to a batch: counts, then one result per event in the order sent. */
    public record BatchReceipt(int accepted, int duplicates, int rejected, List<BatchItem> results) {
    }
}
