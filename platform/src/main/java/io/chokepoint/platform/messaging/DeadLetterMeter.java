package io.chokepoint.platform.messaging;

import io.quarkus.arc.Unremovable;
import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Counts the records of every Kafka channel that are dead-lettered, whether the handler threw (after
 * {@link ConsumerRetry} gave up, or at once for an {@link InvalidEventException}) or nacked the record itself. A
 * nack is counted after the channel's failure strategy has handled it, so only once the dead-letter topic has the
 * record, and only on channels whose {@code failure-strategy} is {@code dead-letter-queue}.
 * <p>
 * Reactive Messaging applies one incoming interceptor per channel: this one, unqualified, serves every channel that
 * has no {@code @Identifier}-qualified interceptor of its own. Nothing injects it (Reactive Messaging looks it up),
 * so it is marked unremovable.
 */
@Unremovable
@ApplicationScoped
public class DeadLetterMeter implements IncomingInterceptor {

    private static final String DEAD_LETTER_QUEUE = "dead-letter-queue";

    private final ConsumerMetrics metrics;
    private final Predicate<String> deadLettering;

    @Inject
    public DeadLetterMeter(ConsumerMetrics metrics) {
        this(metrics, new FailureStrategies(ConfigProvider.getConfig()));
    }

    DeadLetterMeter(ConsumerMetrics metrics, Predicate<String> deadLettering) {
        this.metrics = metrics;
        this.deadLettering = deadLettering;
    }

    @Override
    public void onMessageAck(Message<?> message) {
        // handled records are counted by their handler, which knows a duplicate from a processed record
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        kafkaMetadata(message)
                .filter(record -> deadLettering.test(record.getChannel()))
                .ifPresent(record -> metrics.deadLettered(record.getTopic(), failure));
    }

    @SuppressWarnings("unchecked")
    private static Optional<IncomingKafkaRecordMetadata<?, ?>> kafkaMetadata(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(found -> (IncomingKafkaRecordMetadata<?, ?>) found);
    }

    /** Which channels dead-letter a nacked record, read once per channel from its configuration. */
    private static final class FailureStrategies implements Predicate<String> {

        private final Config config;
        private final Map<String, Boolean> byChannel = new ConcurrentHashMap<>();

        FailureStrategies(Config config) {
            this.config = config;
        }

        @Override
        public boolean test(String channel) {
            return channel != null && byChannel.computeIfAbsent(channel, name -> config
                    .getOptionalValue("mp.messaging.incoming." + name + ".failure-strategy", String.class)
                    .map(DEAD_LETTER_QUEUE::equals)
                    .orElse(false));
        }
    }
}
