package io.chokepoint.registry.shipments;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code shipments.assessed}. The result goes through the outbox in the same transaction as the
 * processed-event row; a record that cannot be read or is invalid throws, and the channel's
 * dead-letter-queue strategy moves it to {@code shipments.assessed.dlq} with the reason, then goes on.
 */
@ApplicationScoped
public class AssessedShipmentConsumer {

    @Inject
    AssessmentReader reader;
    @Inject
    ShipmentScreening screening;

    @Incoming("shipments-assessed")
    @Blocking
    @Transactional
    public void consume(String payload) {
        screening.handle(reader.read(payload));
    }
}
