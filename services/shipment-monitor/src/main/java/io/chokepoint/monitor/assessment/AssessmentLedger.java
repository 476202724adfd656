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
     * @param shipment     the merged state, dressed as the event that led to it
     * @param lastRevision the revision of the latest published assessment, 0 for none
     * @param mustPublish  true when the event changes the shipment in a way downstream must hear of (cancellation)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome reassess(ShipmentEvent shipment, UUID shipmentId, int lastRevision, boolean mustPublish,
                            Instant now) {
        boolean firstTimePair = tradingPairs.isFirstFor(shipment.exporter(), shipment.consignee(), shipmentId, now);
        ShipmentAssessed candidate = assessor.assess(shipment, shipmentId, lastRevision + 1, now,
                catalogs.current().classifier(), firstTimePair);
        Optional<ShipmentAssessed> published = lastRevision == 0 ? Optional.empty() : latestOf(shipmentId);
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

    private Optional<ShipmentAssessed> latestOf(UUID shipmentId) {
        return Assessment.latestOf(shipmentId).map(stored -> read(stored.payload));
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
