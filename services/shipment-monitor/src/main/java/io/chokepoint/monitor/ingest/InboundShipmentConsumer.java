package io.chokepoint.monitor.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.model.Topics;
import io.chokepoint.monitor.shipment.EventChannel;
import io.chokepoint.platform.messaging.ConsumerMetrics;
import io.chokepoint.platform.messaging.ConsumerRetry;
import io.chokepoint.platform.messaging.Consumption;
import io.chokepoint.platform.web.FieldError;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Partner events from {@code shipments.inbound}, handled exactly as REST ones. A record that cannot be read, fails
 * validation, or would touch another agency's data (its shipment, which only the owning agency may declare, amend or
 * cancel, or an eventId another agency's event holds) is nacked at once, which the dead-letter-queue failure
 * strategy sends to {@code shipments.inbound.dlq} with the reason in {@code dead-letter-reason} and every problem, as
 * JSON, in {@value #ERRORS_HEADER}; the consumer then goes on. The topic's writers are authenticated by their broker
 * principal only, so the agency rules are held to the {@code reportingAgency} the record names. Duplicates are
 * acknowledged and ignored. Any other failure (the database away) is retried with backoff first, and dead-letters the
 * record only if it lasts (see {@link ConsumerRetry}); a retry is safe because ingestion is idempotent by eventId.
 * <p>
 * Not {@code @Transactional} itself: each event is recorded in its own transaction by the ingestion service, and
 * the unique eventId of the stored event is the processed-event log, shared with REST so that an event sent both
 * ways is processed once.
 */
@ApplicationScoped
public class InboundShipmentConsumer {

    /** Header of a dead-lettered record that lists every problem as {@code [{"field","message"}]}. */
    public static final String ERRORS_HEADER = "chokepoint-errors";

    private static final Logger LOG = Logger.getLogger(InboundShipmentConsumer.class);

    @Inject
    IngestionService ingestion;

    @Inject
    ObjectMapper mapper;

    @Inject
    ConsumerRetry retry;

    @Inject
    ConsumerMetrics consumed;

    @Incoming("shipments-inbound")
    @Blocking
    public CompletionStage<Void> consume(Message<String> record) {
        String topic = topicOf(record);
        IngestOutcome outcome = retry.call(topic, () -> ingestion.ingest(record.getPayload(), EventChannel.KAFKA));
        if (outcome.status() != IngestStatus.REJECTED && outcome.status() != IngestStatus.REFUSED) {
            // committed (or known before); a rejected or refused record is counted by the platform once dead-lettered
            consumed.record(topic, outcome.status() == IngestStatus.DUPLICATE
                    ? Consumption.DUPLICATE : Consumption.PROCESSED);
            LOG.debugf("Inbound event %s: %s (shipment %s)", outcome.eventId(), outcome.status(), outcome.shipmentId());
            return record.ack();
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(ERRORS_HEADER, errorsAsJson(outcome.errors()));
        RuntimeException reason = outcome.status() == IngestStatus.REFUSED
                ? new RefusedShipmentEventException(outcome.refusal())
                : new RejectedShipmentEventException(outcome.eventId(), outcome.errors());
        return record.nack(reason, Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build()));
    }

    @SuppressWarnings("unchecked")
    private static String topicOf(Message<String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> ((IncomingKafkaRecordMetadata<String, String>) metadata).getTopic())
                .orElse(Topics.SHIPMENTS_INBOUND);
    }

    private byte[] errorsAsJson(List<FieldError> errors) {
        try {
            return mapper.writeValueAsBytes(errors);
        } catch (JsonProcessingException e) {
            return errors.stream().map(error -> error.field() + ": " + error.message())
                    .collect(Collectors.joining("; ")).getBytes(StandardCharsets.UTF_8);
        }
    }
}
