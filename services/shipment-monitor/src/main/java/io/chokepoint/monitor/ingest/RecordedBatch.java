package io.chokepoint.monitor.ingest;

import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.assessment.AssessmentMetrics;
import io.chokepoint.monitor.shipment.EventChannel;
import io.chokepoint.monitor.shipment.EventRefusal;
import io.chokepoint.monitor.shipment.ShipmentRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What recording a batch of events in one transaction came to: each event's outcome, in order, and what the metrics
 * are to say of it once the transaction has committed (not before: a batch rolled back counts nothing).
 */
public final class RecordedBatch {

    private final EventChannel channel;
    private final IngestMetrics metrics;
    private final AssessmentMetrics assessments;
    private final long started = System.nanoTime();
    private final List<IngestOutcome> outcomes = new ArrayList<>();
    private final List<Runnable> counts = new ArrayList<>();
    private final List<Duration> checking = new ArrayList<>();

    RecordedBatch(EventChannel channel, IngestMetrics metrics, AssessmentMetrics assessments) {
        this.channel = channel;
        this.metrics = metrics;
        this.assessments = assessments;
    }

    void recorded(IngestionService.Checked checked, ShipmentRecorder.Recorded recorded) {
        ShipmentEvent event = checked.event();
        String shipmentId = recorded.shipmentId().toString();
        if (recorded.duplicate()) {
            outcomes.add(IngestOutcome.duplicate(event.eventId(), shipmentId));
            counts.add(() -> metrics.duplicate(channel, event.reportingAgency()));
        } else {
            outcomes.add(IngestOutcome.accepted(event.eventId(), shipmentId));
            counts.add(() -> {
                metrics.ingested(channel, event.reportingAgency(), event.eventType());
                assessments.assessed(recorded.assessment());
            });
        }
        checking.add(checked.spent());
    }

    /** Refused for another agency's data: counted on Kafka, where it is dead-lettered; REST answers 403 or 409. */
    void refused(IngestionService.Checked checked, EventRefusal refusal) {
        outcomes.add(IngestOutcome.refused(refusal));
        if (channel == EventChannel.KAFKA) {
            counts.add(() -> metrics.rejected(channel, checked.agency(), IngestMetrics.Rejection.REFUSED));
        }
        checking.add(checked.spent());
    }

    /** Each event's outcome, in the order recorded. */
    public List<IngestOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /**
     * Counts what the batch did, once its transaction has committed. Each event took its reading and validation
     * plus the batch's recording up to now, the commit included.
     */
    public void count() {
        Duration recording = Duration.ofNanos(System.nanoTime() - started);
        counts.forEach(Runnable::run);
        checking.forEach(spent -> metrics.took(channel, spent.plus(recording)));
    }
}
