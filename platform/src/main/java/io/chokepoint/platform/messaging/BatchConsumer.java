package io.chokepoint.platform.messaging;

import io.chokepoint.platform.outbox.Outbox;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.StreamSupport;

/**
 * The one way the services consume Kafka: the records of one poll (a batch channel, {@code batch=true}) handled in
 * one transaction, with the processed-event log read in one query and written in one statement for the batch.
 * <ol>
 * <li>Each record is read into its event; one that cannot be ({@link InvalidEventException}) is dead-lettered
 * alone.</li>
 * <li>In one transaction: the events handled before (a redelivery, or the same event twice in the batch) are left
 * out, the handler handles the rest in the order received, and their ids join the log. What the handler publishes
 * through the {@link Outbox} is written at the end of its work, as JDBC batches ({@link Outbox#holding(Runnable)}).
 * A redelivered batch thus changes nothing; records of one key keep their order, since a partition's records come in offset order.</li>
 * <li>When that fails, a failure that passes (the database restarting, a deadlock) tries the batch again with
 * backoff ({@link ConsumerRetry}); any other, or one that lasts, splits the batch in halves, each tried on its own,
 * down to the one record at fault, which is retried and then dead-lettered with the failure as reason. So a poison
 * record never sinks the records around it, and they commit.</li>
 * <li>Dead letters go to the channel's dead-letter topic through its {@code dead-letter-queue} strategy, one
 * record nacked at a time with its reason (and the exception's {@link InvalidEventException#deadLetterHeaders()}),
 * and are counted once the dead-letter topic has them; then the whole batch is acknowledged.</li>
 * </ol>
 */
@ApplicationScoped
public class BatchConsumer {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final ProcessedEvents log;
    private final ConsumerRetry retry;
    private final ConsumerMetrics metrics;
    private final Outbox outbox;

    public BatchConsumer(ProcessedEvents log, ConsumerRetry retry, ConsumerMetrics metrics, Outbox outbox) {
        this.log = log;
        this.retry = retry;
        this.metrics = metrics;
        this.outbox = outbox;
    }

    /** Handles the batch as the class says; the answer completes once every record is settled and acknowledged. */
    public <T> CompletionStage<Void> consume(Message<List<String>> batch, BatchHandler<T> handler) {
        long started = System.nanoTime();
        Settlement settlement = new Settlement();
        List<Pending<T>> sound = new ArrayList<>();
        for (Message<?> message : recordsOf(batch)) {
            Received record = new Received(message);
            try {
                T event = handler.read((String) message.getPayload());
                if (event != null) {
                    sound.add(new Pending<>(record, event, handler.eventId(event), traceOf(message)));
                }
            } catch (InvalidEventException invalid) {
                settlement.deadLetter(record, invalid);
            }
        }
        settle(handler, sound, settlement);
        settlement.deadLetters().join();
        if (!sound.isEmpty()) {
            metrics.batchHandled(sound.get(0).record().topic(), Duration.ofNanos(System.nanoTime() - started));
        }
        return batch.ack();
    }

    private <T> void settle(BatchHandler<T> handler, List<Pending<T>> part, Settlement settlement) {
        if (part.isEmpty()) {
            return;
        }
        String topic = part.get(0).record().topic();
        if (part.size() == 1) {
            settleAlone(handler, part, settlement, topic);
            return;
        }
        try {
            committed(topic, commit(handler, part), settlement);
            return;
        } catch (RuntimeException failure) {
            if (TransientFailures.isTransient(failure) && retried(handler, part, settlement, topic)) {
                return;
            }
            LOG.infof("A batch of %d record(s) of %s failed (%s); handling each half on its own", part.size(), topic,
                    failure.toString());
        }
        int half = part.size() / 2;
        settle(handler, part.subList(0, half), settlement);
        settle(handler, part.subList(half, part.size()), settlement);
    }

    private <T> void settleAlone(BatchHandler<T> handler, List<Pending<T>> one, Settlement settlement,
                                 String topic) {
        try {
            committed(topic, retry.call(topic, () -> commit(handler, one)), settlement);
        } catch (RuntimeException last) {
            settlement.deadLetter(one.get(0).record(), last);
        }
    }

    private <T> boolean retried(BatchHandler<T> handler, List<Pending<T>> part, Settlement settlement,
                                String topic) {
        try {
            committed(topic, retry.call(topic, () -> commit(handler, part)), settlement);
            return true;
        } catch (RuntimeException lasting) {
            return false;
        }
    }

    /** One attempt at the part, in a transaction of its own. */
    private <T> Committed<T> commit(BatchHandler<T> handler, List<Pending<T>> part) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String consumer = handler.consumer();
            Set<String> before = consumer == null ? Set.of()
                    : log.handledBefore(consumer, part.stream().map(Pending::eventId).distinct().toList());
            Set<String> seen = new HashSet<>(before);
            List<Pending<T>> fresh = new ArrayList<>();
            int duplicates = 0;
            for (Pending<T> pending : part) {
                if (seen.add(pending.eventId())) {
                    fresh.add(pending);
                } else {
                    duplicates++;
                }
            }
            Map<T, Context> traces = new IdentityHashMap<>();
            fresh.forEach(pending -> traces.put(pending.event(), pending.trace()));
            BatchWork<T> work = new BatchWork<>(fresh.stream().map(Pending::event).toList(), traces);
            if (!fresh.isEmpty()) {
                outbox.holding(() -> handler.handle(work));
            }
            if (consumer != null) {
                log.markHandled(consumer, fresh.stream().filter(p -> work.refusalOf(p.event()) == null)
                        .map(Pending::eventId).toList(), Instant.now().truncatedTo(ChronoUnit.MICROS));
            }
            return new Committed<>(work, fresh, duplicates);
        });
    }

    private <T> void committed(String topic, Committed<T> committed, Settlement settlement) {
        int processed = 0;
        int duplicates = committed.duplicates();
        Instant now = Instant.now();
        for (Pending<T> pending : committed.fresh()) {
            InvalidEventException refusal = committed.work().refusalOf(pending.event());
            if (refusal != null) {
                settlement.deadLetter(pending.record(), refusal);
            } else if (committed.work().isDuplicate(pending.event())) {
                duplicates++;
            } else {
                processed++;
                metrics.recordCommitted(topic, Duration.between(pending.record().timestamp(), now));
            }
        }
        metrics.record(topic, Consumption.PROCESSED, processed);
        metrics.record(topic, Consumption.DUPLICATE, duplicates);
        for (Runnable action : committed.work().afterCommitActions()) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "An action after the commit of a batch of %s failed; the batch stays committed", topic);
            }
        }
    }

    /**
     * The poll's records, each as the connector's own message: nacking one sends that record alone to the
     * dead-letter topic. The batch message itself may reach the method wrapped (by interceptors), so its records
     * are taken from its metadata.
     */
    private static List<Message<?>> recordsOf(Message<List<String>> batch) {
        return batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(IncomingKafkaRecordBatchMetadata::getBatchedMessages)
                .orElseThrow(() -> new IllegalStateException("Not a Kafka batch: set batch=true on the channel"));
    }

    /** The trace the record's handling continues: the connector's span for it, else the producer's headers. */
    private static Context traceOf(Message<?> record) {
        return record.getMetadata(TracingMetadata.class)
                .map(TracingMetadata::getCurrentContext)
                .filter(context -> context != Context.root())
                .orElseGet(() -> record.getMetadata(IncomingKafkaRecordMetadata.class)
                        .map(kafka -> W3CTraceContextPropagator.getInstance()
                                .extract(Context.root(), kafka.getHeaders(), HEADERS))
                        .orElse(Context.root()));
    }

    /** One record of the poll: the connector's message, and where it came from. */
    private record Received(Message<?> message, String topic, int partition, Object key, Instant timestamp) {

        Received(Message<?> message) {
            this(message, message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow());
        }

        private Received(Message<?> message, IncomingKafkaRecordMetadata<?, ?> kafka) {
            this(message, kafka.getTopic(), kafka.getPartition(), kafka.getKey(), kafka.getTimestamp());
        }
    }

    /** A record read into its event, not yet settled. */
    private record Pending<T>(Received record, T event, String eventId, Context trace) {
    }

    /** What one committed attempt did: the work as the handler left it, the events it saw, the duplicates left out. */
    private record Committed<T>(BatchWork<T> work, List<Pending<T>> fresh, int duplicates) {
    }

    /** The batch's dead letters, each sent as soon as known; awaited before the batch is acknowledged. */
    private final class Settlement {

        private final List<CompletableFuture<Void>> sent = new ArrayList<>();

        void deadLetter(Received record, Throwable reason) {
            LOG.warnf("A record of %s-%d (key %s) is dead-lettered: %s", record.topic(), record.partition(),
                    record.key(), reason.getMessage());
            RecordHeaders headers = new RecordHeaders();
            if (reason instanceof InvalidEventException invalid) {
                invalid.deadLetterHeaders().forEach(headers::add);
            }
            Metadata metadata = Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
            sent.add(record.message().nack(reason, metadata).toCompletableFuture()
                    .thenRun(() -> metrics.deadLettered(record.topic(), reason)));
        }

        CompletableFuture<Void> deadLetters() {
            return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
        }
    }
}
