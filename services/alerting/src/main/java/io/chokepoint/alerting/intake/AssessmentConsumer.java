package io.chokepoint.alerting.intake;

import io.chokepoint.alerting.alerts.AlertsInHand;
import io.chokepoint.alerting.support.JsonCodec;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.platform.messaging.BatchConsumer;
import io.chokepoint.platform.messaging.BatchHandler;
import io.chokepoint.platform.messaging.BatchWork;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code shipments.assessed} a poll at a time ({@link BatchConsumer}): keeps every assessment revision,
 * then evaluates the screening results of that revision that arrived before it. An invalid record is dead-lettered
 * alone; the processed-event log leaves out what was handled before. A revision already stored (the same
 * assessment under another event id) counts as a duplicate.
 */
@ApplicationScoped
public class AssessmentConsumer implements BatchHandler<ShipmentAssessed> {

    static final String CONSUMER = "shipments-assessed";
    private static final Logger LOG = Logger.getLogger(AssessmentConsumer.class);

    private final EventReader reader;
    private final ShipmentLock lock;
    private final AlertsInHand alertsInHand;
    private final ShipmentEvaluation evaluation;
    private final JsonCodec json;
    private final BatchConsumer batches;

    public AssessmentConsumer(EventReader reader, ShipmentLock lock, AlertsInHand alertsInHand,
                              ShipmentEvaluation evaluation, JsonCodec json, BatchConsumer batches) {
        this.reader = reader;
        this.lock = lock;
        this.alertsInHand = alertsInHand;
        this.evaluation = evaluation;
        this.json = json;
        this.batches = batches;
    }

    @Incoming("shipments-assessed")
    @Blocking
    public CompletionStage<Void> onAssessments(Message<List<String>> batch) {
        return batches.consume(batch, this);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public ShipmentAssessed read(String payload) {
        return reader.assessment(payload);
    }

    @Override
    public String eventId(ShipmentAssessed assessment) {
        return assessment.eventId();
    }

    @Override
    public void handle(BatchWork<ShipmentAssessed> work) {
        List<String> shipments = work.events().stream().map(ShipmentAssessed::shipmentId).distinct().toList();
        lock.lockAll(shipments);
        alertsInHand.announce(shipments);
        List<StoredAssessment.Key> revisions = work.events().stream()
                .map(assessment -> new StoredAssessment.Key(assessment.shipmentId(), assessment.revision())).toList();
        Set<StoredAssessment.Key> stored = new HashSet<>(StoredAssessment.storedAmong(revisions));
        Map<StoredAssessment.Key, List<StoredScreeningResult>> results = StoredScreeningResult.byRevision(revisions);
        work.each(assessment -> {
            StoredAssessment.Key key = new StoredAssessment.Key(assessment.shipmentId(), assessment.revision());
            if (stored.add(key)) {
                store(assessment);
                evaluation.evaluateStored(assessment, results.getOrDefault(key, List.of()));
            } else {
                LOG.infof("Shipment %s revision %d already stored, assessment %s ignored", assessment.shipmentId(),
                        assessment.revision(), assessment.eventId());
                work.duplicate(assessment);
            }
        });
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
