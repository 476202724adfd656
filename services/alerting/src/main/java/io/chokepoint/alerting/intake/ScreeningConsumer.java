package io.chokepoint.alerting.intake;

import io.chokepoint.alerting.support.JsonCodec;
import io.chokepoint.model.Topics;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.platform.messaging.ConsumerRetry;
import io.chokepoint.platform.messaging.Consumption;
import io.chokepoint.platform.messaging.ProcessedEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Consumes {@code screening.results}: keeps every result, then evaluates it with the assessment of the
 * revision it screened, if that has arrived (otherwise the assessment will evaluate it when it comes).
 * Each attempt runs in its own transaction; an invalid record is dead-lettered at once, a transient failure is
 * retried first (see {@link ConsumerRetry}). Records are counted per topic once committed: processed, or duplicate.
 */
@ApplicationScoped
public class ScreeningConsumer {

    static final String CONSUMER = "screening-results";
    private static final Logger LOG = Logger.getLogger(ScreeningConsumer.class);

    private final EventReader reader;
    private final ShipmentLock lock;
    private final ShipmentEvaluation evaluation;
    private final JsonCodec json;
    private final ConsumerRetry retry;

    public ScreeningConsumer(EventReader reader, ShipmentLock lock, ShipmentEvaluation evaluation, JsonCodec json,
                             ConsumerRetry retry) {
        this.reader = reader;
        this.lock = lock;
        this.evaluation = evaluation;
        this.json = json;
        this.retry = retry;
    }

    @Incoming("screening-results")
    @Blocking
    public void onScreeningResult(String record) {
        retry.inTransaction(Topics.SCREENING_RESULTS, () -> handle(record));
    }

    private Consumption handle(String record) {
        ScreeningResult result = reader.screeningResult(record);
        lock.lock(result.shipmentId());
        if (ProcessedEvent.isProcessed(CONSUMER, result.eventId())
                || StoredScreeningResult.findByIdOptional(result.eventId()).isPresent()) {
            LOG.debugf("Screening result %s already processed", result.eventId());
            return Consumption.DUPLICATE;
        }
        store(result);
        evaluation.evaluateWithStoredAssessment(result);
        ProcessedEvent.markProcessed(CONSUMER, result.eventId());
        return Consumption.PROCESSED;
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
