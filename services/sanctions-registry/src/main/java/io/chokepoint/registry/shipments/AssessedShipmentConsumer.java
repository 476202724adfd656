package io.chokepoint.registry.shipments;

import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.platform.messaging.ConsumerRetry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code shipments.assessed}. The result goes through the outbox in the same transaction as the
 * processed-event row. A record that cannot be read or is invalid throws an {@link InvalidAssessmentException}, and
 * the channel's dead-letter-queue strategy moves it to {@code shipments.assessed.dlq} with the reason at once. Any
 * other failure (the database away, two instances screening one redelivered assessment) is retried, each attempt in
 * a new transaction, and dead-letters the record only when the retries are spent (see {@link ConsumerRetry}).
 */
@ApplicationScoped
public class AssessedShipmentConsumer {

    @Inject
    AssessmentReader reader;
    @Inject
    ShipmentScreening screening;
    @Inject
    ConsumerRetry retry;

    @Incoming("shipments-assessed")
    @Blocking
    public void consume(String payload) {
        ShipmentAssessed assessment = reader.read(payload);
        retry.inTransaction(() -> screening.handle(assessment));
    }
}
