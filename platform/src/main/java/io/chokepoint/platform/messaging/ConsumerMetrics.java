package io.chokepoint.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Locale;

/**
 * Counts what became of consumed records, per topic. Handled records are counted by the handler once their effect
 * is committed ({@link ConsumerRetry#inTransaction(String, java.util.function.Supplier)}, or {@link #record} for a
 * handler that manages its own transactions); dead-lettered ones by {@link DeadLetterMeter} once the dead-letter
 * topic has them. Topics come from the code and the channel configuration, so the series stay few.
 */
@ApplicationScoped
public class ConsumerMetrics {

    static final String CONSUMED = "chokepoint.messages.consumed";
    static final String DEAD_LETTERED = "chokepoint.messages.dead.lettered";
    static final String RETRIES = "chokepoint.consumer.retries";
    static final String BATCH_DURATION = "chokepoint.consumer.batch.duration";
    static final String RECORD_DELAY = "chokepoint.consumer.record.delay";

    /** Why a record was dead-lettered, as the {@code reason} tag says it. */
    enum DeadLetterReason {
        /** Bad input ({@link InvalidEventException}): dead-lettered at once. */
        INVALID,
        /** Any other failure, which {@link ConsumerRetry} tried again until its retries were spent. */
        RETRIES_EXHAUSTED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String DEAD_LETTERED_OUTCOME = "dead_lettered";
    /** Enough for any wrapping; a guard against a cycle of causes. */
    private static final int MAX_CAUSES = 16;

    private final MeterRegistry registry;

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts a record whose handling is committed (or found to be a duplicate). */
    public void record(String topic, Consumption consumption) {
        record(topic, consumption, 1);
    }

    /** Counts records of a batch whose handling is committed (or found to be duplicates). */
    public void record(String topic, Consumption consumption, int records) {
        if (records > 0) {
            consumed(topic, consumption.name().toLowerCase(Locale.ROOT), records);
        }
    }

    /** Times the handling of one poll of the topic, from its records' arrival to their commit. */
    void batchHandled(String topic, Duration took) {
        timer(BATCH_DURATION, "Time to handle one poll of a topic, from reading its records to their commit", topic,
                Duration.ofMinutes(1)).record(took);
    }

    /**
     * Times a record from its timestamp (its production, for the topics the services write) to the commit of its
     * handling: the time it waited in the topic plus its handling, the stage's share of an alert's delay.
     */
    void recordCommitted(String topic, Duration sinceProduced) {
        timer(RECORD_DELAY, "Time from a consumed record's production to the commit of its handling", topic,
                Duration.ofMinutes(10)).record(sinceProduced.isNegative() ? Duration.ZERO : sinceProduced);
    }

    private Timer timer(String name, String description, String topic, Duration longest) {
        return Timer.builder(name)
                .description(description)
                .tag("topic", topic)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(longest)
                .register(registry);
    }

    void deadLettered(String topic, Throwable failure) {
        DeadLetterReason reason = isInvalid(failure) ? DeadLetterReason.INVALID : DeadLetterReason.RETRIES_EXHAUSTED;
        consumed(topic, DEAD_LETTERED_OUTCOME, 1);
        Counter.builder(DEAD_LETTERED)
                .description("Consumed records moved to the topic's dead-letter topic, by reason")
                .tag("topic", topic)
                .tag("reason", reason.tag())
                .register(registry)
                .increment();
    }

    void retried(String topic) {
        Counter.builder(RETRIES)
                .description("Attempts of a consumed record after a transient failure (each retry counts once)")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }

    private void consumed(String topic, String outcome, int records) {
        Counter.builder(CONSUMED)
                .description("Consumed records by what became of them: processed, duplicate or dead_lettered")
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(registry)
                .increment(records);
    }

    /** The failure, or one of its causes (a framework may wrap what the handler threw), is bad input. */
    static boolean isInvalid(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof InvalidEventException) {
                return true;
            }
        }
        return false;
    }
}
