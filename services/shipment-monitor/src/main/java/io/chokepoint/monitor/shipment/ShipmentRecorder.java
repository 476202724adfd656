package io.chokepoint.monitor.shipment;

import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.assessment.AssessmentLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Records a valid partner event in one transaction: the shipment it updates (opened on its first event), the event
 * in the shipment's history, the assessment and its outbox message.
 */
@ApplicationScoped
public class ShipmentRecorder {

    /** The outcome: the shipment, or for a duplicate the shipment the earlier event went to. */
    public record Recorded(UUID shipmentId, boolean duplicate) {
    }

    @Inject
    AssessmentLedger ledger;

    /**
     * Runs in its own transaction so that a unique-key race with a concurrent writer (same eventId, or the first two
     * events of one declaration) fails here as a whole and can simply be retried by the caller.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recorded record(ShipmentEvent event, String rawJson, EventChannel channel) {
        Optional<RecordedEvent> earlier = RecordedEvent.findByEventId(event.eventId());
        if (earlier.isPresent()) {
            return new Recorded(earlier.get().shipmentId, true);
        }
        Instant now = Instant.now();
        Shipment shipment = Shipment.lockByDeclarationId(event.declarationId()).orElseGet(() -> {
            Shipment opened = Shipment.open(event, now);
            opened.persistAndFlush();
            return opened;
        });
        RecordedEvent.of(event, shipment.id, rawJson, channel, now).persistAndFlush();
        int revision = shipment.nextRevision();
        AssessmentLedger.Recorded assessed = ledger.assess(event, shipment.id, revision, now);
        shipment.apply(event, assessed.flagged(), now);
        return new Recorded(shipment.id, false);
    }
}
