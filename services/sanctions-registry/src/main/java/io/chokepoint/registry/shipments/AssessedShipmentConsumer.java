package io.chokepoint.registry.shipments;

import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.platform.messaging.ConsumerRetry;
import io.chokepoint.registry.screening.ScreeningMetrics;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Consumes {@code shipments.assessed}. The result goes through the outbox in the same transaction as the
 * processed-event row. A record that cannot be read or is invalid throws an {@link InvalidAssessmentException}, and
 * the channel's dead-letter-queue strategy moves it to {@code shipments.assessed.dlq} with the reason at once. Any
 * other failure (the database away, two instances screening one redelivered assessment) is retried, each attempt in
 * a new transaction, and dead-letters the record only when the retries are spent (see {@link ConsumerRetry}).
 * The record (processed or duplicate) and its screenings are counted once the attempt that handled it has committed.
 */
@ApplicationScoped
public class AssessedShipmentConsumer {

    @Inject
    AssessmentReader reader;
    @Inject
    ShipmentScreening screening;
    @Inject
    ConsumerRetry retry;
    @Inject
    ScreeningMetrics metrics;

    @Incoming("shipments-assessed")
    @Blocking
    public void consume(String payload) {
        ShipmentAssessed assessment = reader.read(payload);
        AtomicReference<ShipmentScreening.Handled> committed = new AtomicReference<>();
        retry.inTransaction(Topics.SHIPMENTS_ASSESSED, () -> {
            ShipmentScreening.Handled handled = screening.handle(assessment);
            committed.set(handled);
            return handled.consumption();
        });
        metrics.screened(ScreeningMetrics.Mode.SHIPMENT, committed.get().screenings());
    }
}
