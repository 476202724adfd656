package io.chokepoint.registry.shipments;

import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.platform.messaging.BatchConsumer;
import io.chokepoint.platform.messaging.BatchHandler;
import io.chokepoint.platform.messaging.BatchWork;
import io.chokepoint.platform.messaging.Consumption;
import io.chokepoint.registry.screening.ScreeningMetrics;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code shipments.assessed} a poll at a time ({@link BatchConsumer}): every assessment of the batch is
 * screened and its result goes through the outbox, all in one transaction with their processed-event rows. A record
 * that cannot be read or is invalid ({@link InvalidAssessmentException}) is dead-lettered alone; a failing batch is
 * retried, then split to find the record at fault. {@link ShipmentScreening} keeps its own processed-event check,
 * since a redelivered assessment re-emits its stored result rather than being dropped. The screenings are counted
 * once the batch has committed.
 */
@ApplicationScoped
public class AssessedShipmentConsumer implements BatchHandler<ShipmentAssessed> {

    @Inject
    AssessmentReader reader;
    @Inject
    ShipmentScreening screening;
    @Inject
    BatchConsumer batches;
    @Inject
    ScreeningMetrics metrics;

    @Incoming("shipments-assessed")
    @Blocking
    public CompletionStage<Void> consume(Message<List<String>> batch) {
        return batches.consume(batch, this);
    }

    @Override
    public String consumer() {
        return null;
    }

    @Override
    public ShipmentAssessed read(String payload) {
        return reader.read(payload);
    }

    @Override
    public String eventId(ShipmentAssessed assessment) {
        return assessment.eventId();
    }

    @Override
    public void handle(BatchWork<ShipmentAssessed> work) {
        List<ShipmentScreening.Handled> handled = new ArrayList<>();
        ShipmentScreening.Batch batch = screening.begin(work.events());
        work.each(assessment -> {
            ShipmentScreening.Handled one = screening.handle(batch, assessment);
            if (one.consumption() == Consumption.DUPLICATE) {
                work.duplicate(assessment);
            }
            handled.add(one);
        });
        screening.finish(batch);
        work.afterCommit(() -> handled.forEach(one -> metrics.screened(ScreeningMetrics.Mode.SHIPMENT,
                one.screenings())));
    }
}
