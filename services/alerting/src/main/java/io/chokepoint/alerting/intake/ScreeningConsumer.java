package io.chokepoint.alerting.intake;

import io.chokepoint.alerting.alerts.AlertsInHand;
import io.chokepoint.alerting.support.JsonCodec;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.platform.messaging.BatchConsumer;
import io.chokepoint.platform.messaging.BatchHandler;
import io.chokepoint.platform.messaging.BatchWork;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code screening.results} a poll at a time ({@link BatchConsumer}): keeps every result, then evaluates
 * it with the assessment of the revision it screened, if that has arrived (otherwise the assessment will evaluate
 * it when it comes). An invalid record is dead-lettered alone; a result stored before counts as a duplicate.
 */
@ApplicationScoped
public class ScreeningConsumer implements BatchHandler<ScreeningResult> {

    static final String CONSUMER = "screening-results";
    private static final Logger LOG = Logger.getLogger(ScreeningConsumer.class);

    private final EventReader reader;
    private final ShipmentLock lock;
    private final AlertsInHand alertsInHand;
    private final ShipmentEvaluation evaluation;
    private final JsonCodec json;
    private final BatchConsumer batches;

    public ScreeningConsumer(EventReader reader, ShipmentLock lock, AlertsInHand alertsInHand,
                             ShipmentEvaluation evaluation, JsonCodec json, BatchConsumer batches) {
        this.reader = reader;
        this.lock = lock;
        this.alertsInHand = alertsInHand;
        this.evaluation = evaluation;
        this.json = json;
        this.batches = batches;
    }

    @Incoming("screening-results")
    @Blocking
    public CompletionStage<Void> onScreeningResults(Message<List<String>> batch) {
        return batches.consume(batch, this);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public ScreeningResult read(String payload) {
        return reader.screeningResult(payload);
    }

    @Override
    public String eventId(ScreeningResult result) {
        return result.eventId();
    }

    @Override
    public void handle(BatchWork<ScreeningResult> work) {
        List<String> shipments = work.events().stream().map(ScreeningResult::shipmentId).distinct().toList();
        lock.lockAll(shipments);
        alertsInHand.announce(shipments);
        Set<String> stored = StoredScreeningResult.storedAmong(work.events().stream().map(ScreeningResult::eventId)
                .distinct().toList());
        Map<StoredAssessment.Key, StoredAssessment> assessments = StoredAssessment.ofRevisions(work.events().stream()
                .map(result -> new StoredAssessment.Key(result.shipmentId(), result.revision())).toList());
        work.each(result -> {
            if (!stored.add(result.eventId())) {
                LOG.debugf("Screening result %s already stored", result.eventId());
                work.duplicate(result);
                return;
            }
            store(result);
            StoredAssessment assessment = assessments.get(new StoredAssessment.Key(result.shipmentId(),
                    result.revision()));
            if (assessment != null) {
                evaluation.evaluateWithStored(assessment, result);
            }
        });
    }

    private void store(ScreeningResult result) {
        StoredScreeningResult stored = new StoredScreeningResult();
        stored.eventId = result.eventId();
        stored.shipmentId = result.shipmentId();
        stored.revision = result.revision();
        stored.listVersion = result.listVersion();
        stored.late = result.late();
        stored.screenedAt = result.screenedAt();
        stored.receivedAt = Instant.now();
        stored.payload = json.write(result);
        stored.persist();
    }
}
