package io.chokepoint.alerting.intake;

import io.chokepoint.alerting.support.JsonCodec;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.platform.messaging.ConsumerRetry;
import io.chokepoint.platform.messaging.Consumption;
import io.chokepoint.platform.messaging.ProcessedEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Consumes {@code shipments.assessed}: keeps every assessment revision, then evaluates the screening results
 * of that revision that arrived before it. Each attempt runs in its own transaction; an invalid record is
 * dead-lettered at once, a transient failure is retried first (see {@link ConsumerRetry}). Records are counted
 * per topic once committed: processed, or duplicate (an event seen before, or a revision already stored).
 */
@ApplicationScoped
public class AssessmentConsumer {

    static final String CONSUMER = "shipments-assessed";
    private static final Logger LOG = Logger.getLogger(AssessmentConsumer.class);

    private final EventReader reader;
    private final ShipmentLock lock;
    private final ShipmentEvaluation evaluation;
    private final JsonCodec json;
    private final ConsumerRetry retry;

    public AssessmentConsumer(EventReader reader, ShipmentLock lock, ShipmentEvaluation evaluation,
                              JsonCodec json, ConsumerRetry retry) {
        this.reader = reader;
        this.lock = lock;
        this.evaluation = evaluation;
        this.json = json;
        this.retry = retry;
    }

    @Incoming("shipments-assessed")
    @Blocking
    public void onAssessment(String record) {
        retry.inTransaction(Topics.SHIPMENTS_ASSESSED, () -> handle(record));
    }

    private Consumption handle(String record) {
        ShipmentAssessed assessment = reader.assessment(record);
        lock.lock(assessment.shipmentId());
        if (ProcessedEvent.isProcessed(CONSUMER, assessment.eventId())) {
            LOG.debugf("Assessment %s already processed", assessment.eventId());
            return Consumption.DUPLICATE;
        }
        Consumption consumption;
        if (StoredAssessment.findRevision(assessment.shipmentId(), assessment.revision()).isEmpty()) {
            store(assessment);
            evaluation.evaluateStoredResults(assessment);
            consumption = Consumption.PROCESSED;
        } else {
            LOG.infof("Shipment %s revision %d already stored, assessment %s ignored", assessment.shipmentId(),
                    assessment.revision(), assessment.eventId());
            consumption = Consumption.DUPLICATE;
        }
        ProcessedEvent.markProcessed(CONSUMER, assessment.eventId());
        return consumption;
    }

    private void store(ShipmentAssessed assessment) {
        StoredAssessment stored = new StoredAssessment();
        stored.shipmentId = assessment.shipmentId();
        stored.revision = assessment.revision();
        stored.eventId = assessment.eventId();
        stored.declarationId = assessment.declarationId();
        stored.reportingAgency = assessment.reportingAgency();
        stored.assessedAt = assessment.assessedAt();
        stored.receivedAt = Instant.now();
        stored.payload = json.write(assessment);
        stored.persist();
    }
}
