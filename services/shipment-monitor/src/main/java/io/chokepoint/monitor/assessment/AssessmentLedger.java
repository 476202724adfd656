package io.chokepoint.monitor.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.catalog.CatalogRegistry;
import io.chokepoint.monitor.risk.RiskRules;
import io.chokepoint.monitor.risk.TradingPairs;
import io.chokepoint.platform.outbox.OutboundEvent;
import io.chokepoint.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Assesses a shipment's merged state and, when the assessment is new to its consumers, stores it with its outbox
 * message, inside the caller's transaction: the event, its assessment and the promise to publish it are committed
 * together or not at all. Why an outbox: REST input is never redelivered, so once an event is committed only the
 * outbox remembers that its assessment is still owed; the platform relays it right after the commit, and again
 * later if that fails.
 * <p>
 * An assessment is published for the shipment's first event, when the shipment is cancelled, and whenever parties,
 * goods (as declared or as classified), route or indicators differ from the latest published assessment
 * ({@link MaterialChange}). Anything else, typically a movement report that repeats the declaration, is recorded in
 * the history without a new revision: screening it again would give the same result and alerting nothing new.
 */
@ApplicationScoped
public class AssessmentLedger {

    /**
     * What the event led to: the assessment in force afterwards, whether it is a new one (published), and whether
     * it flags the shipment.
     */
    public record Outcome(ShipmentAssessed assessment, boolean published, boolean flagged) {
    }

    private final ShipmentAssessor assessor;
    private final CatalogRegistry catalogs;
    private final TradingPairs tradingPairs;
    private final ObjectMapper mapper;
    private final Outbox outbox;

    AssessmentLedger(CatalogRegistry catalogs, RiskRules risk, TradingPairs tradingPairs, ObjectMapper mapper,
                     Outbox outbox) {
        this.assessor = new ShipmentAssessor(risk.indicators());
        this.catalogs = catalogs;
        this.tradingPairs = tradingPairs;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    /**
     * @param shipment    the merged state, dressed as the event that led to it
     * @param published   the latest published assessment, none before the first
     * @param mustPublish true when the event changes the shipment in a way downstream must hear of (cancellation)
     * @param pairs       the trading pairs the caller's batch read ahead
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome reassess(ShipmentEvent shipment, UUID shipmentId, Optional<ShipmentAssessed> published,
                            boolean mustPublish, TradingPairs.Known pairs, Instant now) {
        boolean firstTimePair = tradingPairs.isFirstFor(pairs, shipment.exporter(), shipment.consignee(), shipmentId,
                now);
        int revision = published.map(ShipmentAssessed::revision).orElse(0) + 1;
        ShipmentAssessed candidate = assessor.assess(shipment, shipmentId, revision, now,
                catalogs.current().classifier(), firstTimePair);
        if (published.isPresent() && !mustPublish && !MaterialChange.between(published.get(), candidate)) {
            return new Outcome(published.get(), false, assessor.isFlagged(published.get()));
        }
        boolean flagged = assessor.isFlagged(candidate);
        store(candidate, shipment.eventId(), flagged, now);
        // The assessment's eventId is its CloudEvents id, so consumers can match the record to the event.
        outbox.enqueue(OutboundEvent.of(Topics.SHIPMENTS_ASSESSED, candidate.shipmentId(), candidate)
                .withId(candidate.eventId())
                .withSubject(candidate.shipmentId()));
        return new Outcome(candidate, true, flagged);
    }

    /** The latest published assessments of these shipments, read in one query; none for a shipment without. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, ShipmentAssessed> latestOf(Collection<UUID> shipmentIds) {
        Map<UUID, ShipmentAssessed> latest = new HashMap<>();
        Assessment.latestOf(shipmentIds).forEach(stored -> latest.put(stored.shipmentId, read(stored.payload)));
        return latest;
    }

    private void store(ShipmentAssessed assessed, String sourceEventId, boolean flagged, Instant now) {
        Assessment assessment = new Assessment();
        assessment.id = UUID.fromString(assessed.eventId());
        assessment.shipmentId = UUID.fromString(assessed.shipmentId());
        assessment.revision = assessed.revision();
        assessment.sourceEventId = sourceEventId;
        assessment.assessedAt = now;
        assessment.flagged = flagged;
        assessment.payload = write(assessed);
        assessment.persist();
    }

    private String write(ShipmentAssessed assessed) {
        try {
            return mapper.writeValueAsString(assessed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write assessment " + assessed.eventId(), e);
        }
    }

    private ShipmentAssessed read(String json) {
        try {
            return mapper.readValue(json, ShipmentAssessed.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored assessment is unreadable", e);
        }
    }
}
