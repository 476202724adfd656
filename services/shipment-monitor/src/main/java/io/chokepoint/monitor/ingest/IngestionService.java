package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.assessment.AssessmentMetrics;
import io.chokepoint.monitor.shipment.EventChannel;
import io.chokepoint.monitor.shipment.EventRefusal;
import io.chokepoint.monitor.shipment.EventRefusedException;
import io.chokepoint.monitor.shipment.ShipmentRecorder;
import io.chokepoint.platform.web.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way in for partner events, whichever channel brought them: read, validate, hold a partner's request to its
 * agency ({@link AgencyScope}), then record (idempotently, by eventId) with the assessment and its outbox message,
 * which is relayed once committed. Recording holds each event to what belongs to other agencies: their shipments
 * ({@link io.chokepoint.monitor.shipment.ShipmentOwner}) and their events' eventIds ({@link EventRefusal}). What
 * became of each event is counted here, after its transaction ({@link IngestMetrics}, {@link AssessmentMetrics}); a
 * REST request refused for another agency took nothing and counts nothing here.
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final ShipmentEventReader reader;
    private final ShipmentEventValidator validator;
    private final ShipmentRecorder recorder;
    private final IngestConfig config;
    private final IngestMetrics metrics;
    private final AssessmentMetrics assessments;

    IngestionService(ObjectMapper mapper, ShipmentRecorder recorder, IngestConfig config, IngestMetrics metrics,
                     AssessmentMetrics assessments) {
        this.reader = new ShipmentEventReader(mapper);
        this.validator = new ShipmentEventValidator(InputLimits.of(config));
        this.recorder = recorder;
        this.config = config;
        this.metrics = metrics;
        this.assessments = assessments;
    }

    /**
     * Takes one event as received on the inbound topic, whatever its agency: the topic is written only by the
     * partners' integrations the broker admits, so there is no caller to hold it to an agency. It is still held to
     * the other agencies' shipments and eventIds by what it names ({@link IngestStatus#REFUSED}).
     */
    public IngestOutcome ingest(String json, EventChannel channel) {
        return take(check(json), channel);
    }

    /**
     * Takes one event a partner sent: read and validated first (so an invalid event gets all its field errors), then
     * held to the caller's agency ({@code scope}: 403 when it names another, nothing stored), then recorded: 403 when
     * its shipment is another agency's to declare, amend or cancel, 409 when its eventId is another agency's event's.
     */
    public IngestOutcome ingest(String json, EventChannel channel, AgencyScope scope) {
        Checked checked = check(json);
        if (checked.isSound()) {
            scope.admit(checked.event());
        }
        IngestOutcome outcome = take(checked, channel);
        if (outcome.status() == IngestStatus.REFUSED) {
            throw AgencyRefusals.of(outcome.refusal());
        }
        return outcome;
    }

    /** Counts a submission refused before any event could be read from it (a batch body that is not JSON). */
    public void refusedUnreadable(EventChannel channel) {
        metrics.rejected(channel, null, IngestMetrics.Rejection.UNREADABLE);
    }

    /**
     * Takes several events, each on its own (one bad event does not stop the others), in order. Every event is read
     * and validated first, and the batch is held whole to the caller's agency ({@code scope}) and then to the other
     * agencies' shipments and eventIds as stored: one valid event naming another agency, touching another agency's
     * shipment (403) or reusing another agency's eventId (409) refuses the batch before any of it is stored. Then
     * each accepted event commits in its own transaction with its effect and its outbox message, before the next is
     * recorded: if the service stops in the middle, what it committed is kept and published, the rest was never
     * taken, and the partner, who got no answer, sends the batch again and gets DUPLICATE for the first part. An
     * event that another agency forestalls while the batch is being recorded is refused on its own
     * ({@link IngestStatus#REFUSED}), as what came before it is already committed.
     */
    public List<IngestOutcome> ingestAll(List<JsonNode> events, EventChannel channel, AgencyScope scope) {
        List<Checked> batch = events.stream().map(node -> check(node, node.toString())).toList();
        List<ShipmentEvent> sound = batch.stream().map(Checked::event).toList();
        scope.admitBatch(sound);
        AgencyRefusals.refuseBatchIfAny(recorder.foresee(sound));
        return batch.stream().map(checked -> take(checked, channel)).toList();
    }

    public ShipmentEventReader reader() {
        return reader;
    }

    /**
     * One submitted event read and validated, not yet taken: its event when sound, else the errors refusing it and
     * what the metrics say of it.
     *
     * @param event null unless the event passed reading and validation
     * @param spent the time reading and validating took, counted in the event's ingest time
     */
    private record Checked(ShipmentEvent event, String rawJson, String eventId, String agency,
                           IngestMetrics.Rejection rejection, List<FieldError> errors, Duration spent) {

        boolean isSound() {
            return event != null;
        }

        Checked took(Duration time) {
            return new Checked(event, rawJson, eventId, agency, rejection, errors, time);
        }
    }

    private Checked check(String json) {
        long started = System.nanoTime();
        ShipmentEventReader.Document document = reader.parse(json);
        Checked checked = document.isReadable() ? check(document.root(), json)
                : new Checked(null, json, null, null, IngestMetrics.Rejection.UNREADABLE,
                List.of(document.syntaxError()), Duration.ZERO);
        return checked.took(Duration.ofNanos(System.nanoTime() - started));
    }

    private Checked check(JsonNode node, String rawJson) {
        long started = System.nanoTime();
        String eventId = textOf(node, "eventId");
        String agency = textOf(node, "reportingAgency");
        ShipmentEventReader.Reading reading = reader.read(node);
        List<FieldError> errors = new ArrayList<>(reading.errors());
        if (reading.event() != null) {
            validator.validate(reading.event()).stream()
                    .filter(problem -> errors.stream().noneMatch(known -> covers(known, problem)))
                    .forEach(errors::add);
        }
        Duration spent = Duration.ofNanos(System.nanoTime() - started);
        if (!errors.isEmpty()) {
            IngestMetrics.Rejection reason = node != null && node.isObject()
                    ? IngestMetrics.Rejection.INVALID : IngestMetrics.Rejection.UNREADABLE;
            return new Checked(null, rawJson, eventId, agency, reason, errors, spent);
        }
        return new Checked(reading.event(), rawJson, eventId, agency, null, List.of(), spent);
    }

    /** Records a sound event, or counts a refused one; timed with the reading and validation before it. */
    private IngestOutcome take(Checked checked, EventChannel channel) {
        return metrics.time(channel, checked.spent(), () -> {
            if (!checked.isSound()) {
                metrics.rejected(channel, checked.agency(), checked.rejection());
                return IngestOutcome.rejected(checked.eventId(), checked.errors());
            }
            return record(checked.event(), checked.rawJson(), channel);
        });
    }

    private static String textOf(JsonNode node, String field) {
        return node != null && node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    private IngestOutcome record(ShipmentEvent event, String rawJson, EventChannel channel) {
        for (int attempt = 1; ; attempt++) {
            try {
                ShipmentRecorder.Recorded recorded = recorder.record(event, rawJson, channel);
                count(event, channel, recorded);
                String shipmentId = recorded.shipmentId().toString();
                return recorded.duplicate()
                        ? IngestOutcome.duplicate(event.eventId(), shipmentId)
                        : IngestOutcome.accepted(event.eventId(), shipmentId);
            } catch (EventRefusedException e) {
                if (channel == EventChannel.KAFKA) {
                    metrics.rejected(channel, event.reportingAgency(), IngestMetrics.Rejection.REFUSED);
                }
                return IngestOutcome.refused(e.refusal());
            } catch (RuntimeException e) {
                if (attempt >= config.raceAttempts() || !isUniqueViolation(e)) {
                    throw e;
                }
                LOG.debugf("Event %s lost a unique-key race (attempt %d); trying again", event.eventId(), attempt);
            }
        }
    }

    /** The recorder's transaction has committed when it returns: what it did is counted now, not before. */
    private void count(ShipmentEvent event, EventChannel channel, ShipmentRecorder.Recorded recorded) {
        if (recorded.duplicate()) {
            metrics.duplicate(channel, event.reportingAgency());
            return;
        }
        metrics.ingested(channel, event.reportingAgency(), event.eventType());
        assessments.assessed(recorded.assessment());
    }

    /** A type error already reported for a field makes the validator's "is required" for it redundant. */
    private static boolean covers(FieldError known, FieldError problem) {
        String field = known.field();
        String other = problem.field();
        return other.equals(field) || other.startsWith(field + ".") || other.startsWith(field + "[");
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
