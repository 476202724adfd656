package io.chokepoint.monitor.shipment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.assessment.AssessedGoodsLine;
import io.chokepoint.model.shipment.Party;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.model.shipment.ShipmentEventType;
import io.chokepoint.monitor.assessment.AssessmentLedger;
import io.chokepoint.monitor.risk.TradingPairs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Records valid partner events, a batch of them in one transaction, when the agency rules admit them
 * ({@link ShipmentOwner}, and an eventId is its agency's alone): for each, the shipment it updates (opened on its first
 * event), the event in the shipment's history, the shipment's new merged state and status, and, when that changes
 * what is assessed, the assessment and its outbox message. Either all of it commits or none of it, so an event is
 * never half taken. What the batch touches is read once for all its events ({@link #begin}) and written with as few
 * round trips as the identities allow ({@link #finish}).
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
    TradingPairs tradingPairs;

    @Inject
    ObjectMapper mapper;

    /**
     * Reads, once for a batch of events about to be recorded in the caller's transaction, what they touch
     * ({@link RecordingBatch}). The stored shipments are locked until commit, in declarationId order: every writer
     * that records several events takes its locks in that one order, so that two never wait on each other; and the
     * events of one shipment are merged one at a time, each seeing all before it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RecordingBatch begin(List<ShipmentEvent> events) {
        Map<String, Shipment> shipments = new HashMap<>();
        Shipment.lockAll(new TreeSet<>(events.stream().map(ShipmentEvent::declarationId).toList()))
                .forEach(shipment -> shipments.put(shipment.declarationId, shipment));
        Map<String, RecordedEvent> earlier = new HashMap<>();
        RecordedEvent.withEventIds(events.stream().map(ShipmentEvent::eventId).distinct().toList())
                .forEach(stored -> earlier.put(stored.eventId, stored));
        List<UUID> shipmentIds = shipments.values().stream().map(shipment -> shipment.id).toList();
        List<UUID> assessed = shipments.values().stream().filter(shipment -> shipment.lastRevision > 0)
                .map(shipment -> shipment.id).toList();
        return new RecordingBatch(earlier, shipments, RecordedEvent.asReceived(shipmentIds), ledger.latestOf(assessed),
                tradingPairs.knownOf(events.stream().map(event -> new Party[]{event.exporter(), event.consignee()})
                        .toList()));
    }

    /**
     * Records one event of the batch, when the agency rules admit it ({@link ShipmentOwner}, and an eventId is its
     * agency's alone). The owner is read and the event held to it under the shipment's lock, so of two agencies
     * racing to declare one shipment only one can win: the other waits, then sees the first's declaration. A
     * unique-key race with a concurrent writer (same eventId, or the first two events of one declaration) fails the
     * transaction as a whole, for the caller to try again.
     *
     * @throws EventRefusedException when the eventId is another agency's event's, or the shipment is another
     *                               agency's to declare, amend or cancel; nothing of the event was written, and the
     *                               transaction goes on for the caller's other events
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = EventRefusedException.class)
    public Recorded record(RecordingBatch batch, ShipmentEvent event, String rawJson, EventChannel channel) {
        Optional<RecordedEvent> earlier = batch.eventWithId(event.eventId());
        if (earlier.isPresent()) {
            if (!earlier.get().reportingAgency.equals(event.reportingAgency())) {
                throw new EventRefusedException(EventRefusal.eventIdTaken(event.eventId()));
            }
            return new Recorded(earlier.get().shipmentId, true, null);
        }
        Instant now = Instant.now();
        Optional<Shipment> known = batch.shipmentOf(event.declarationId());
        Shipment shipment;
        List<RecordedEvent> before;
        ShipmentOwner owner;
        if (known.isPresent()) {
            shipment = known.get();
            before = batch.historyOf(shipment.id);
            ShipmentOwner current = ShipmentOwner.of(before);
            if (!current.admits(event.eventType(), event.reportingAgency())) {
                throw new EventRefusedException(EventRefusal.notTheOwner(event.eventId(),
                        current.refusal(event.eventType(), event.declarationId(), event.reportingAgency())));
            }
            owner = current.after(event.eventType(), event.reportingAgency());
        } else {
            shipment = Shipment.open(event, now);
            shipment.persist();
            batch.opened(shipment);
            before = List.of();
            owner = ShipmentOwner.openedBy(event.eventType(), event.reportingAgency());
        }
        List<ShipmentEvent> inForce = inForce(before, owner, event);
        RecordedEvent recorded = RecordedEvent.of(event, shipment.id, rawJson, channel, now);
        batch.recorded(recorded);
        return new Recorded(shipment.id, false, assess(batch, shipment, recorded, EventMerge.merge(inForce), owner,
                event, now));
    }

    /**
     * Writes what the batch left for its end: the shipments' filter rows, the session's shipments and assessments,
     * then the new events as one JDBC batch ({@link RecordedEventInserts}; an assessment's reference to its event is
     * checked at commit). A unique-key race surfaces here, inside the transaction, for the caller to try again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(RecordingBatch batch) {
        ShipmentSubstance.replaceAll(batch.substances());
        ShipmentCountry.replaceAll(batch.countries());
        Shipment.flush();
        Shipment.getEntityManager().unwrap(Session.class)
                .doWork(connection -> RecordedEventInserts.insertAll(connection, batch.newEvents()));
    }

    /** Assesses the shipment's merged state, and takes the outcome into the shipment and the batch. */
    private AssessmentLedger.Outcome assess(RecordingBatch batch, Shipment shipment, RecordedEvent recorded,
                                            EventMerge.Merged merged, ShipmentOwner owner, ShipmentEvent event,
                                            Instant now) {
        boolean newlyCancelled = merged.cancelled() && !shipment.isCancelled();
        AssessmentLedger.Outcome outcome = ledger.reassess(merged.state().asEventOf(event), shipment.id,
                batch.latestAssessmentOf(shipment.id), newlyCancelled, batch.pairs(), now);
        if (outcome.published()) {
            recorded.assessmentRevision = outcome.assessment().revision();
            batch.published(shipment.id, outcome.assessment());
            batch.substances(shipment.id, itemCodesOf(outcome.assessment().goods()));
        }
        Set<String> countriesBefore = stateOf(shipment).map(ShipmentState::countries).orElse(Set.of());
        shipment.apply(merged, write(merged.state()), outcome.flagged(), outcome.assessment().revision(), now);
        shipment.reportingAgency = owner.agency();
        if (!countriesBefore.equals(merged.state().countries())) {
            batch.countries(shipment.id, merged.state().countries());
        }
        return outcome;
    }

    /**
     * What {@link #record} would refuse in a batch, foreseen before any of it is recorded so that a batch holding
     * such an event can be refused whole. Each event is judged as the batch's earlier events would leave the
     * shipments, and as stored now, without locks: recording holds each event to the rules again under its
     * shipment's lock, which decides when another agency got in between.
     *
     * @param batch the batch's events at their index; null where an event is refused for its fields anyway
     * @return the refusal at each index, null where there is none
     */
    @Transactional
    public List<EventRefusal> foresee(List<ShipmentEvent> batch) {
        List<ShipmentEvent> sound = batch.stream().filter(Objects::nonNull).toList();
        List<EventRefusal> refusals = new ArrayList<>(Collections.nCopies(batch.size(), null));
        if (sound.isEmpty()) {
            return refusals;
        }
        Map<String, String> agencyOfEventId = new HashMap<>();
        List<String> eventIds = sound.stream().map(ShipmentEvent::eventId).distinct().toList();
        RecordedEvent.withEventIds(eventIds)
                .forEach(stored -> agencyOfEventId.put(stored.eventId, stored.reportingAgency));
        Map<String, ShipmentOwner> owners = ownersOf(sound.stream().map(ShipmentEvent::declarationId).distinct()
                .toList());
        for (int index = 0; index < batch.size(); index++) {
            ShipmentEvent event = batch.get(index);
            if (event == null) {
                continue;
            }
            String earlier = agencyOfEventId.get(event.eventId());
            if (earlier != null) {
                if (!earlier.equals(event.reportingAgency())) {
                    refusals.set(index, EventRefusal.eventIdTaken(event.eventId()));
                }
                continue;
            }
            ShipmentOwner owner = owners.get(event.declarationId());
            if (owner != null && !owner.admits(event.eventType(), event.reportingAgency())) {
                refusals.set(index, EventRefusal.notTheOwner(event.eventId(),
                        owner.refusal(event.eventType(), event.declarationId(), event.reportingAgency())));
                continue;
            }
            owners.put(event.declarationId(), owner == null
                    ? ShipmentOwner.openedBy(event.eventType(), event.reportingAgency())
                    : owner.after(event.eventType(), event.reportingAgency()));
            agencyOfEventId.put(event.eventId(), event.reportingAgency());
        }
        return refusals;
    }

    /** The owners of the declarations' shipments as stored, from their events' types and agencies only. */
    private static Map<String, ShipmentOwner> ownersOf(List<String> declarationIds) {
        List<Object[]> events = RecordedEvent.getEntityManager().createQuery(
                        "select s.declarationId, e.eventType, e.reportingAgency from RecordedEvent e, Shipment s"
                                + " where s.id = e.shipmentId and s.declarationId in :declarations order by e.id",
                        Object[].class)
                .setParameter("declarations", declarationIds)
                .getResultList();
        Map<String, ShipmentOwner> owners = new HashMap<>();
        for (Object[] row : events) {
            String declarationId = (String) row[0];
            ShipmentEventType type = (ShipmentEventType) row[1];
            String agency = (String) row[2];
            ShipmentOwner owner = owners.get(declarationId);
            owners.put(declarationId, owner == null ? ShipmentOwner.openedBy(type, agency) : owner.after(type, agency));
        }
        return owners;
    }

    /**
     * The events that shape the shipment, in the order received: those recorded before that are still in force
     * (read from their JSON), and the new one as already read.
     */
    private List<ShipmentEvent> inForce(List<RecordedEvent> before, ShipmentOwner owner, ShipmentEvent current) {
        List<ShipmentEvent> events = new ArrayList<>();
        before.stream().filter(owner::inForce).map(stored -> read(stored.rawJson)).forEach(events::add);
        events.add(current);
        return events;
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
