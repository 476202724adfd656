package io.chokepoint.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the work of a Kafka handler so that only bad input is dead-lettered at once. An
 * {@link InvalidEventException} is thrown on untouched, and the channel's {@code dead-letter-queue} strategy moves
 * the record to {@code <topic>.dlq} with its message as the reason. Any other failure (the database briefly away, a
 * lock timeout) is retried with exponential backoff, per {@code chokepoint.messaging.retry}; only when that is
 * spent does the last failure dead-letter the record.
 * <p>
 * Why not {@code @Retry} on the handler: the transaction interceptor runs outside the fault tolerance one, so
 * every attempt would reuse one transaction already marked for rollback. Here each attempt gets its own.
 * The handler's thread waits between attempts, which keeps the records of a partition in order.
 * <p>
 * The variants that name the record's topic count it ({@link ConsumerMetrics}): each retry, and for
 * {@link #inTransaction(String, Supplier)} what the committed handling made of the record.
 */
@ApplicationScoped
public class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    private final Guard guard;
    private final ConsumerMetrics metrics;

    @Inject
    public ConsumerRetry(MessagingConfig config, ConsumerMetrics metrics) {
        this(guardFor(config.retry()), metrics);
    }

    ConsumerRetry(Guard guard, ConsumerMetrics metrics) {
        this.guard = guard;
        this.metrics = metrics;
    }

    /** Runs the work in a new transaction, again in a new one after each transient failure. */
    public void inTransaction(Runnable work) {
        call(() -> {
            QuarkusTransaction.requiringNew().run(work);
            return null;
        });
    }

    /**
     * Handles a record of the topic in a new transaction, again in a new one after each transient failure (each
     * counted as a retry), and once the transaction has committed counts the record as the work says: processed,
     * or a duplicate.
     */
    public void inTransaction(String topic, Supplier<Consumption> work) {
        Consumption consumption = call(topic, () -> QuarkusTransaction.requiringNew().call(work::get));
        metrics.record(topic, consumption);
    }

    /** Runs work that manages its own transactions (or needs none), again after each transient failure. */
    @SuppressWarnings("unchecked")
    public <T> T call(Supplier<T> work) {
        return (T) guard.get(work::get, Object.class);
    }

    /**
     * As {@link #call(Supplier)}, counting each retry for the topic. The caller counts what became of the record
     * with {@link ConsumerMetrics#record}, once its effect is committed.
     */
    public <T> T call(String topic, Supplier<T> work) {
        AtomicInteger attempts = new AtomicInteger();
        return call(() -> {
            if (attempts.getAndIncrement() > 0) {
                metrics.retried(topic);
            }
            return work.get();
        });
    }

    static Guard guardFor(MessagingConfig.Retry retry) {
        long delay = retry.delay().toMillis();
        return Guard.create()
                .withDescription("Kafka handler retry")
                .withRetry()
                .maxRetries(retry.maxRetries())
                .delay(delay, ChronoUnit.MILLIS)
                .jitter(delay / 4, ChronoUnit.MILLIS)
                .maxDuration(retry.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .abortOn(InvalidEventException.class)
                .beforeRetry(failure -> LOG.warnf("Handler failed (%s: %s); trying again",
                        failure.getClass().getSimpleName(), failure.getMessage()))
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(retry.maxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }
}
