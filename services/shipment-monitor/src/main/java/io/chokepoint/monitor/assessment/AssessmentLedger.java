package io.chokepoint.monitor.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.catalog.GoodsClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Assesses an event and stores the assessment with its outbox message, inside the caller's transaction: the
 * event, its assessment and the promise to publish it are committed together or not at all.
 */
@ApplicationScoped
public class AssessmentLedger {

    /** What was stored: the assessment, whether it flags the shipment, and the outbox message to send. */
    public record Recorded(ShipmentAssessed assessment, boolean flagged, long outboxMessageId) {
    }

    private final ShipmentAssessor assessor;
    private final ObjectMapper mapper;

    AssessmentLedger(GoodsClassifier classifier, ObjectMapper mapper) {
        this.assessor = new ShipmentAssessor(classifier);
        this.mapper = mapper;
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

        OutboxMessage message = new OutboxMessage();
        message.topic = Topics.SHIPMENTS_ASSESSED;
        message.messageKey = assessed.shipmentId();
        message.ceId = assessed.eventId();
        message.ceSubject = assessed.shipmentId();
        message.payload = json;
        message.createdAt = now;
        message.persist();
        return new Recorded(assessed, flagged, message.id);
    }

    private String toJson(ShipmentAssessed assessed) {
        try {
            return mapper.writeValueAsString(assessed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write assessment " + assessed.eventId(), e);
        }
    }
}
