package io.chokepoint.monitor.shipment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.assessment.AssessmentLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Records a valid partner event in one transaction: the shipment it updates (opened on its first event), the event
 * in the shipment's history, the shipment's new merged state and status, and, when that changes what is assessed,
 * the assessment and its outbox message. Either all of it commits or none of it, so an event is never half taken.
 */
@ApplicationScoped
public class ShipmentRecorder {

    /**
     * The outcome: the shipment, or for a duplicate the shipment the earlier event went to; and for a new event what
     * its assessment came to (null for a duplicate).
     */
    public record Recorded(UUID shipmentId, boolean duplicate, AssessmentLedger.Outcome assessment) {
    }

    @Inject
    AssessmentLedger ledger;

    @Inject
    ObjectMapper mapper;

    /**
     * Runs in its own transaction so that a unique-key race with a concurrent writer (same eventId, or the first two
     * events of one declaration) fails here as a whole and can simply be retried by the caller. The shipment row is
     * locked until commit, so the events of one shipment are merged one at a time, each seeing all before it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recorded record(ShipmentEvent event, String rawJson, EventChannel channel) {
        Optional<RecordedEvent> earlier = RecordedEvent.findByEventId(event.eventId());
        if (earlier.isPresent()) {
            return new Recorded(earlier.get().shipmentId, true, null);
        }
        Instant now = Instant.now();
        Shipment shipment = Shipment.lockByDeclarationId(event.declarationId()).orElseGet(() -> {
            Shipment opened = Shipment.open(event, now);
            opened.persistAndFlush();
            return opened;
        });
        RecordedEvent recorded = RecordedEvent.of(event, shipment.id, rawJson, channel, now);
        recorded.persistAndFlush();

        EventMerge.Merged merged = EventMerge.merge(eventsOf(shipment.id, event));
        boolean newlyCancelled = merged.cancelled() && !shipment.isCancelled();
        AssessmentLedger.Outcome outcome = ledger.reassess(merged.state().asEventOf(event), shipment.id,
                shipment.lastRevision, newlyCancelled, now);
        if (outcome.published()) {
            recorded.assessmentRevision = outcome.assessment().revision();
            ShipmentSubstance.replace(shipment.id, itemCodesOf(outcome.assessment().goods()));
        }
        Set<String> countriesBefore = stateOf(shipment).map(ShipmentState::countries).orElse(Set.of());
        shipment.apply(merged, write(merged.state()), outcome.flagged(), outcome.assessment().revision(), now);
        if (!countriesBefore.equals(merged.state().countries())) {
            ShipmentCountry.replace(shipment.id, merged.state().countries());
        }
        return new Recorded(shipment.id, false, outcome);
    }

    /** Every event of the shipment as received, the new one as already read, the others read from their JSON. */
    private List<ShipmentEvent> eventsOf(UUID shipmentId, ShipmentEvent current) {
        return RecordedEvent.asReceived(shipmentId).stream()
                .map(stored -> stored.eventId.equals(current.eventId()) ? current : read(stored.rawJson))
                .toList();
    }

    private static Set<String> itemCodesOf(List<AssessedGoodsLine> goods) {
        Set<String> codes = new TreeSet<>();
        goods.stream().filter(line -> line.classification() != null && line.classification().itemCode() != null)
                .forEach(line -> codes.add(line.classification().itemCode()));
        return codes;
    }

    private Optional<ShipmentState> stateOf(Shipment shipment) {
        if (shipment.state == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(shipment.state, ShipmentState.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored shipment state is unreadable", e);
        }
    }

    /** A stored event was valid when it was accepted; fields unknown to the model were ignored then too. */
    private ShipmentEvent read(String rawJson) {
        try {
            return mapper.readerFor(ShipmentEvent.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(rawJson);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored event is unreadable", e);
        }
    }

    private String write(ShipmentState state) {
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write shipment state", e);
        }
    }
}
