package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.assessment.AssessmentMetrics;
import io.chokepoint.monitor.shipment.EventChannel;
import io.chokepoint.monitor.shipment.EventRefusedException;
import io.chokepoint.monitor.shipment.RecordingBatch;
import io.chokepoint.monitor.shipment.ShipmentRecorder;
import io.chokepoint.platform.outbox.Outbox;
import io.chokepoint.platform.web.FieldError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

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
    private final Outbox outbox;

    IngestionService(ObjectMapper mapper, ShipmentRecorder recorder, IngestConfig config, IngestMetrics metrics,
                     AssessmentMetrics assessments, Outbox outbox) {
        this.reader = new ShipmentEventReader(mapper);
        this.validator = new ShipmentEventValidator(InputLimits.of(config));
        this.recorder = recorder;
        this.config = config;
        this.metrics = metrics;
        this.assessments = assessments;
        this.outbox = outbox;
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

    /** Counts the events of a request refused over its agency's event rate, none of them read. */
    public void refusedOverRate(String agency, int events) {
        metrics.overRate(agency, events);
    }

    /**
     * Takes several events, each with its own outcome (one bad event does not stop the others), in order. Every
     * event is read and validated first, and the batch is held whole to the caller's agency ({@code scope}) and then
     * to the other agencies' shipments and eventIds as stored: one valid event naming another agency, touching
     * another agency's shipment (403) or reusing another agency's eventId (409) refuses the batch before any of it is
     * stored. Then the sound events are recorded in one transaction, with their assessments and outbox messages:
     * if the service stops in the middle, nothing of the batch was taken, and the partner, who got no answer, sends
     * it again. An event that another agency forestalls while the batch is being recorded is refused on its own
     * ({@link IngestStatus#REFUSED}) and the rest commits.
     */
    public List<IngestOutcome> ingestAll(List<JsonNode> events, EventChannel channel, AgencyScope scope) {
        List<Checked> batch = events.stream().map(node -> check(node, node.toString())).toList();
        List<ShipmentEvent> sound = batch.stream().map(Checked::event).toList();
        scope.admitBatch(sound);
        AgencyRefusals.refuseBatchIfAny(recorder.foresee(sound));
        batch.stream().filter(checked -> !checked.isSound()).forEach(checked -> countRejected(checked, channel));
        Iterator<IngestOutcome> recorded = inNewTransaction(batch.stream().filter(Checked::isSound).toList(), channel)
                .iterator();
        return batch.stream().map(checked -> checked.isSound() ? recorded.next()
                : IngestOutcome.rejected(checked.eventId(), checked.errors())).toList();
    }

    /**
     * Reads and validates one record of the inbound topic.
     *
     * @throws RejectedShipmentEventException when it is not a sound event (counted as rejected): it is dead-lettered
     */
    public Checked checkInbound(String json) {
        Checked checked = check(json);
        if (!checked.isSound()) {
            countRejected(checked, EventChannel.KAFKA);
            throw new RejectedShipmentEventException(checked.eventId(), checked.errors());
        }
        return checked;
    }

    /**
     * Records sound events in the caller's transaction, in the order given, each seeing what the ones before it did;
     * their shipments are locked first, in one order for every writer, so that two batches never wait on each
     * other. A refused event leaves nothing and the rest goes on. The caller counts the batch with
     * {@link RecordedBatch#count()} once its transaction has committed.
     *
     * @param each runs the recording of each event in turn (on Kafka, inside the event's own trace)
     */
    public RecordedBatch recordAll(List<Checked> events, EventChannel channel, Consumer<Consumer<Checked>> each) {
        RecordedBatch batch = new RecordedBatch(channel, metrics, assessments);
        RecordingBatch read = recorder.begin(events.stream().map(Checked::event).toList());
        each.accept(checked -> {
            try {
                batch.recorded(checked, recorder.record(read, checked.event(), checked.rawJson(), channel));
            } catch (EventRefusedException e) {
                batch.refused(checked, e.refusal());
            }
        });
        recorder.finish(read);
        return batch;
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
    public record Checked(ShipmentEvent event, String rawJson, String eventId, String agency,
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

    /** Records a sound event in a transaction of its own, or counts a rejected one. */
    private IngestOutcome take(Checked checked, EventChannel channel) {
        if (!checked.isSound()) {
            countRejected(checked, channel);
            return IngestOutcome.rejected(checked.eventId(), checked.errors());
        }
        return inNewTransaction(List.of(checked), channel).get(0);
    }

    private void countRejected(Checked checked, EventChannel channel) {
        metrics.rejected(channel, checked.agency(), checked.rejection());
        metrics.took(channel, checked.spent());
    }

    private static String textOf(JsonNode node, String field) {
        return node != null && node.path(field).isTextual() ? node.get(field).asText() : null;
    }

    /**
     * Records the events in one transaction, counted once it has committed. A unique-key race with a concurrent
     * writer (the same eventId, or the first two events of one declaration) fails the transaction as a whole; it is
     * then simply tried again, and sees what the other writer committed.
     */
    private List<IngestOutcome> inNewTransaction(List<Checked> events, EventChannel channel) {
        if (events.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                RecordedBatch batch = QuarkusTransaction.requiringNew()
                        .call(() -> outbox.holding(() -> recordAll(events, channel, events::forEach)));
                batch.count();
                return batch.outcomes();
            } catch (RuntimeException e) {
                if (attempt >= config.raceAttempts() || !isUniqueViolation(e)) {
                    throw e;
                }
                LOG.debugf("A batch of %d event(s) lost a unique-key race (attempt %d); trying again",
                        events.size(), attempt);
            }
        }
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
