package io.chokepoint.monitor.shipment;

import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.monitor.risk.TradingPairs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What one batch of events reads of the shipments it touches, one query each before any event is recorded
 * ({@link ShipmentRecorder#begin}), kept current as each event is recorded so that every event sees the ones before
 * it: the events already stored under the batch's eventIds, the shipments (locked until commit), their histories and
 * latest published assessments, and the trading pairs the events name. The batch's new events and the shipments'
 * filter rows (substances, countries) are written once for the batch, by {@link ShipmentRecorder#finish}. Lives for
 * one transaction.
 */
public final class RecordingBatch {

    private final Map<String, RecordedEvent> byEventId;
    private final Map<String, Shipment> byDeclarationId;
    private final Map<UUID, List<RecordedEvent>> histories;
    private final Map<UUID, ShipmentAssessed> latest;
    private final TradingPairs.Known pairs;
    private final Map<UUID, Set<String>> substances = new LinkedHashMap<>();
    private final Map<UUID, Set<String>> countries = new LinkedHashMap<>();
    private final List<RecordedEvent> newEvents = new ArrayList<>();

    RecordingBatch(Map<String, RecordedEvent> byEventId, Map<String, Shipment> byDeclarationId,
                   Map<UUID, List<RecordedEvent>> histories, Map<UUID, ShipmentAssessed> latest,
                   TradingPairs.Known pairs) {
        this.byEventId = new HashMap<>(byEventId);
        this.byDeclarationId = new HashMap<>(byDeclarationId);
        this.histories = new HashMap<>(histories);
        this.latest = new HashMap<>(latest);
        this.pairs = pairs;
    }

    Optional<RecordedEvent> eventWithId(String eventId) {
        return Optional.ofNullable(byEventId.get(eventId));
    }

    Optional<Shipment> shipmentOf(String declarationId) {
        return Optional.ofNullable(byDeclarationId.get(declarationId));
    }

    /** The shipment's events in the order received, this batch's included. */
    List<RecordedEvent> historyOf(UUID shipmentId) {
        return histories.getOrDefault(shipmentId, List.of());
    }

    Optional<ShipmentAssessed> latestAssessmentOf(UUID shipmentId) {
        return Optional.ofNullable(latest.get(shipmentId));
    }

    TradingPairs.Known pairs() {
        return pairs;
    }

    void opened(Shipment shipment) {
        byDeclarationId.put(shipment.declarationId, shipment);
    }

    /** A new event of the batch, written at its end. */
    void recorded(RecordedEvent event) {
        newEvents.add(event);
        byEventId.put(event.eventId, event);
        histories.computeIfAbsent(event.shipmentId, id -> new ArrayList<>()).add(event);
    }

    void published(UUID shipmentId, ShipmentAssessed assessment) {
        latest.put(shipmentId, assessment);
    }

    /** The shipment's catalog items are now these, written at the batch's end. */
    void substances(UUID shipmentId, Set<String> itemCodes) {
        substances.put(shipmentId, itemCodes);
    }

    /** The shipment's countries are now these, written at the batch's end. */
    void countries(UUID shipmentId, Set<String> codes) {
        countries.put(shipmentId, codes);
    }

    /** The batch's new events in the order recorded. */
    List<RecordedEvent> newEvents() {
        return newEvents;
    }

    Map<UUID, Set<String>> substances() {
        return substances;
    }

    Map<UUID, Set<String>> countries() {
        return countries;
    }
}
