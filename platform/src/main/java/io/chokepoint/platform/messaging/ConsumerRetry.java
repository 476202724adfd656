package io.chokepoint.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
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
 */
@ApplicationScoped
public class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    private final Guard guard;

    @Inject
    public ConsumerRetry(MessagingConfig config) {
        this(guardFor(config.retry()));
    }

    ConsumerRetry(Guard guard) {
        this.guard = guard;
    }

    /** Runs the work in a new transaction, again in a new one after each transient failure. */
    public void inTransaction(Runnable work) {
        call(() -> {
            QuarkusTransaction.requiringNew().run(work);
            return null;
        });
    }

    /** Runs work that manages its own transactions (or needs none), again after each transient failure. */
    @SuppressWarnings("unchecked")
    public <T> T call(Supplier<T> work) {
        return (T) guard.get(work::get, Object.class);
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
