package io.chokepoint.monitor.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.catalog.GoodsClassifier;
import io.chokepoint.platform.outbox.OutboundEvent;
import io.chokepoint.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Assesses an event and stores the assessment with its outbox message, inside the caller's transaction: the
 * event, its assessment and the promise to publish it are committed together or not at all. Why an outbox: REST
 * input is never redelivered, so once an event is committed only the outbox remembers that its assessment is still
 * owed; the platform relays it right after the commit, and again later if that fails.
 */
@ApplicationScoped
public class AssessmentLedger {

    /** What was stored: the assessment, and whether it flags the shipment. */
    public record Recorded(ShipmentAssessed assessment, boolean flagged) {
    }

    private final ShipmentAssessor assessor;
    private final ObjectMapper mapper;
    private final Outbox outbox;

    AssessmentLedger(GoodsClassifier classifier, ObjectMapper mapper, Outbox outbox) {
        this.assessor = new ShipmentAssessor(classifier);
        this.mapper = mapper;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Recorded assess(ShipmentEvent event, UUID shipmentId, int revision, Instant now) {
        ShipmentAssessed assessed = assessor.assess(event, shipmentId, revision, now);
        boolean flagged = ShipmentAssessor.isFlagged(assessed);
        String json = toJson(assessed);

        Assessment assessment = new Assessment();
        assessment.id = UUID.fromString(assessed.eventId());
        assessment.shipmentId = shipmentId;
        assessment.revision = revision;
        assessment.sourceEventId = event.eventId();
        assessment.assessedAt = now;
        assessment.flagged = flagged;
        assessment.payload = json;
        assessment.persist();

        // The assessment's eventId is its CloudEvents id, so consumers can match the record to the event.
        outbox.enqueue(OutboundEvent.of(Topics.SHIPMENTS_ASSESSED, assessed.shipmentId(), assessed)
                .withId(assessed.eventId())
                .withSubject(assessed.shipmentId()));
        return new Recorded(assessed, flagged);
    }

    private String toJson(ShipmentAssessed assessed) {
        try {
            return mapper.writeValueAsString(assessed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write assessment " + assessed.eventId(), e);
        }
    }
}
