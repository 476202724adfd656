package io.chokepoint.registry.shipments;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.model.assessment.AssessedParty;
import io.chokepoint.model.assessment.ShipmentAssessed;
import io.chokepoint.model.screening.PartyScreening;
import io.chokepoint.model.screening.ScreeningResult;
import io.chokepoint.model.shipment.PartyIdentifier;
import io.chokepoint.platform.messaging.Consumption;
import io.chokepoint.platform.messaging.ProcessedEvents;
import io.chokepoint.platform.outbox.OutboundEvent;
import io.chokepoint.platform.outbox.Outbox;
import io.chokepoint.registry.screening.NameNormalizer;
import io.chokepoint.registry.screening.ScreeningConfig;
import io.chokepoint.registry.screening.ScreeningMetrics;
import io.chokepoint.registry.screening.ScreeningOutcome;
import io.chokepoint.registry.screening.ScreeningQuery;
import io.chokepoint.registry.screening.ScreeningService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Screens every party of an assessed shipment and publishes one result, a batch of assessments at a time in one
 * transaction ({@link #begin}, {@link #handle}, {@link #finish}). Idempotent on the assessment's eventId: a
 * redelivered assessment re-emits the stored result (same eventId, same matches) instead of screening again against
 * a list that may have changed since.
 */
@ApplicationScoped
public class ShipmentScreening {

    static final String CONSUMER = "sanctions-registry/shipments.assessed";

    @Inject
    ScreeningService screening;
    @Inject
    ScreeningConfig config;
    @Inject
    Outbox outbox;
    @Inject
    ScreeningBarrier barrier;
    @Inject
    ProcessedEvents processed;
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper mapper;

    /** What handling an assessment made: its result, and the screenings it ran (none for a redelivery). */
    public record Handled(ScreeningResult result, List<ScreeningOutcome> screenings, Consumption consumption) {
    }

    /**
     * A batch of assessments being screened in one transaction: which of them were screened before (read once for
     * the batch), and the results screened in it so far, so that an assessment twice in one batch is screened once.
     */
    public static final class Batch {

        private final Set<String> screenedBefore;
        private final Map<String, ScreeningResult> screened = new LinkedHashMap<>();
        private final List<ScreenedParty> parties = new ArrayList<>();

        private Batch(Set<String> screenedBefore) {
            this.screenedBefore = screenedBefore;
        }
    }

    /**
     * Opens a batch in the caller's transaction: enters the screening barrier once for all of it, reads which
     * assessments were screened before in one query, and makes sure the index holds the newest list version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Batch begin(List<ShipmentAssessed> assessments) {
        barrier.enterScreening();
        Set<String> before = processed.handledBefore(CONSUMER,
                assessments.stream().map(ShipmentAssessed::eventId).distinct().toList());
        // Holding the barrier: a rescreen that does not wait for this screening has its version committed by now.
        screening.ensureCurrent();
        return new Batch(before);
    }

    /** Screens one assessment of the batch, or re-emits the stored result of one screened before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Handled handle(Batch batch, ShipmentAssessed assessment) {
        ScreeningResult earlier = batch.screened.get(assessment.eventId());
        if (earlier == null && batch.screenedBefore.contains(assessment.eventId())) {
            earlier = StoredScreeningResult.<StoredScreeningResult>findById(assessment.eventId()).payload;
        }
        if (earlier != null) {
            publish(earlier);
            return new Handled(earlier, List.of(), Consumption.DUPLICATE);
        }
        List<ScreeningOutcome> outcomes = new ArrayList<>();
        ScreeningResult result = screen(assessment, Instant.now(), outcomes);
        StoredScreeningResult.of(result).persist();
        batch.parties.addAll(remembered(assessment, result.screenedAt()));
        batch.screened.put(assessment.eventId(), result);
        publish(result);
        return new Handled(result, outcomes, Consumption.PROCESSED);
    }

    /**
     * Writes the batch's screened parties as one JDBC batch and records its new screenings in the processed-event
     * log, in one statement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(Batch batch) {
        entityManager.unwrap(Session.class).doWork(connection ->
                ScreenedPartyInserts.insertAll(connection, batch.parties, mapper));
        processed.markHandled(CONSUMER, batch.screened.keySet(), Instant.now());
    }

    private ScreeningResult screen(ShipmentAssessed assessment, Instant now, List<ScreeningOutcome> outcomes) {
        String listVersion = screening.listVersion();
        List<PartyScreening> parties = new ArrayList<>();
        for (AssessedParty party : assessment.parties()) {
            ScreeningOutcome outcome = screening.screen(query(party.name(), party.country(), identifierValues(party),
                    config), ScreeningMetrics.Mode.SHIPMENT);
            outcomes.add(outcome);
            listVersion = outcome.listVersion();
            parties.add(new PartyScreening(party.role(), party.name(), party.country(), outcome.matches()));
        }
        return new ScreeningResult(UUID.randomUUID().toString(), assessment.shipmentId(), assessment.declarationId(),
                assessment.reportingAgency(), assessment.eventId(), assessment.revision(), listVersion, now, false, parties);
    }

    /** What a shipment party is screened as: any type, at the alert threshold. A rescreen asks the same. */
    static ScreeningQuery query(String name, String country, List<String> identifiers, ScreeningConfig config) {
        return new ScreeningQuery(name, null, country, identifiers, config.alertThreshold(), config.defaultLimit());
    }

    private static List<String> identifierValues(AssessedParty party) {
        if (party.identifiers() == null) {
            return List.of();
        }
        return party.identifiers().stream().filter(i -> i != null && i.value() != null)
                .map(PartyIdentifier::value).toList();
    }

    /** The assessment's parties as screened, for a rescreen to find again. */
    private static List<ScreenedParty> remembered(ShipmentAssessed assessment, Instant at) {
        List<ScreenedParty> parties = new ArrayList<>();
        for (AssessedParty party : assessment.parties()) {
            ScreenedParty screened = new ScreenedParty();
            screened.shipmentId = assessment.shipmentId();
            screened.assessmentEventId = assessment.eventId();
            screened.role = party.role();
            screened.name = party.name();
            screened.nameKey = NameNormalizer.normalize(party.name()).key();
            screened.country = party.country();
            screened.identifiers = new ArrayList<>(identifierValues(party));
            screened.screenedAt = at;
            parties.add(screened);
        }
        return parties;
    }

    private void publish(ScreeningResult result) {
        // The result's own eventId as ce_id, also when re-emitted: consumers drop the copy by it.
        outbox.enqueue(OutboundEvent.of(Topics.SCREENING_RESULTS, result.shipmentId(), result)
                .withId(result.eventId()));
    }
}
