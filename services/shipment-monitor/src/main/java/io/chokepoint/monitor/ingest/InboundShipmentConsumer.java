package io.chokepoint.monitor.ingest;

import io.chokepoint.monitor.shipment.EventChannel;
import io.chokepoint.platform.messaging.BatchConsumer;
import io.chokepoint.platform.messaging.BatchHandler;
import io.chokepoint.platform.messaging.BatchWork;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Partner events from {@code shipments.inbound}, a poll at a time ({@link BatchConsumer}), recorded as REST ones are
 * and in one transaction for the poll. A record that cannot be read or fails validation, or that would touch another
 * agency's data (its shipment, which only the owning agency may declare, amend or cancel, or an eventId another
 * agency's event holds), is dead-lettered alone to {@code shipments.inbound.dlq}, with the reason in
 * {@code dead-letter-reason} and every problem, as JSON, in {@value #ERRORS_HEADER}; the rest of the poll commits.
 * The topic's writers are authenticated by their broker principal only, so the agency rules are held to the
 * {@code reportingAgency} the record names. Duplicates are acknowledged and ignored.
 * <p>
 * No processed-event log of its own: the unique eventId of the stored event is that log, shared with REST, so that
 * an event sent both ways is processed once.
 */
@ApplicationScoped
public class InboundShipmentConsumer implements BatchHandler<IngestionService.Checked> {

    /** Header of a dead-lettered record that lists every problem as {@code [{"field","message"}]}. */
    public static final String ERRORS_HEADER = ErrorsHeader.NAME;

    private final IngestionService ingestion;
    private final BatchConsumer batches;

    public InboundShipmentConsumer(IngestionService ingestion, BatchConsumer batches) {
        this.ingestion = ingestion;
        this.batches = batches;
    }

    @Incoming("shipments-inbound")
    @Blocking
    public CompletionStage<Void> consume(Message<List<String>> batch) {
        return batches.consume(batch, this);
    }

    @Override
    public String consumer() {
        return null;
    }

    @Override
    public IngestionService.Checked read(String payload) {
        return ingestion.checkInbound(payload);
    }

    @Override
    public String eventId(IngestionService.Checked event) {
        return event.eventId();
    }

    @Override
    public void handle(BatchWork<IngestionService.Checked> work) {
        List<IngestionService.Checked> events = work.events();
        RecordedBatch recorded = ingestion.recordAll(events, EventChannel.KAFKA, work::each);
        List<IngestOutcome> outcomes = recorded.outcomes();
        for (int i = 0; i < events.size(); i++) {
            IngestOutcome outcome = outcomes.get(i);
            if (outcome.status() == IngestStatus.REFUSED) {
                work.refuse(events.get(i), new RefusedShipmentEventException(outcome.refusal()));
            } else if (outcome.status() == IngestStatus.DUPLICATE) {
                work.duplicate(events.get(i));
            }
        }
        work.afterCommit(recorded::count);
    }
}
