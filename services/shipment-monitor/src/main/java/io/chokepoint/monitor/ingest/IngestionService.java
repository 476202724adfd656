package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.shipment.ShipmentEvent;
import io.chokepoint.monitor.assessment.AssessmentMetrics;
import io.chokepoint.monitor.shipment.EventChannel;
import io.chokepoint.monitor.shipment.ShipmentRecorder;
import io.chokepoint.platform.web.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way in for partner events, whichever channel brought them: read, validate, then record (idempotently, by
 * eventId) with the assessment and its outbox message, which is relayed once committed. What became of each event
 * is counted here, after its transaction ({@link IngestMetrics}, {@link AssessmentMetrics}).
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

    /** Takes one event as received (REST body or Kafka record value). */
    public IngestOutcome ingest(String json, EventChannel channel) {
        return metrics.time(channel, () -> {
            ShipmentEventReader.Document document = reader.parse(json);
            if (!document.isReadable()) {
                refusedUnreadable(channel);
                return IngestOutcome.rejected(null, List.of(document.syntaxError()));
            }
            return intake(document.root(), json, channel);
        });
    }

    /** Counts a submission refused before any event could be read from it (a batch body that is not JSON). */
    public void refusedUnreadable(EventChannel channel) {
        metrics.rejected(channel, null, IngestMetrics.Rejection.UNREADABLE);
    }

    /**
     * Takes several events, each on its own (one bad event does not stop the others), in order. Each accepted event
     * commits in its own transaction with its effect and its outbox message, before the next is read: if the service
     * stops in the middle, what it committed is kept and published, the rest was never taken, and the partner, who
     * got no answer, sends the batch again and gets DUPLICATE for the first part.
     */
    public List<IngestOutcome> ingestAll(List<JsonNode> events, EventChannel channel) {
        return events.stream()
                .map(node -> metrics.time(channel, () -> intake(node, node.toString(), channel)))
                .toList();
    }

    public ShipmentEventReader reader() {
        return reader;
    }

    private IngestOutcome intake(JsonNode node, String rawJson, EventChannel channel) {
        String eventId = textOf(node, "eventId");
        ShipmentEventReader.Reading reading = reader.read(node);
        List<FieldError> errors = new ArrayList<>(reading.errors());
        if (reading.event() != null) {
            validator.validate(reading.event()).stream()
                    .filter(problem -> errors.stream().noneMatch(known -> covers(known, problem)))
                    .forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            metrics.rejected(channel, textOf(node, "reportingAgency"), node != null && node.isObject()
                    ? IngestMetrics.Rejection.INVALID : IngestMetrics.Rejection.UNREADABLE);
            return IngestOutcome.rejected(eventId, errors);
        }
        return record(reading.event(), rawJson, channel);
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
