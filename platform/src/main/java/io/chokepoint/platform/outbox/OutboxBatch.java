package io.chokepoint.platform.outbox;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Sends one batch of pending messages, oldest first, and records on each what became of it.
 * <p>
 * Only the acknowledged messages before the first failure are marked sent. A message acknowledged after a failed
 * one stays pending and is sent again after it, so that the last record of a key on the topic is always the last
 * one written (a DELISTED record before its tombstone, say); the copy carries the same {@code ce_id}.
 */
final class OutboxBatch {

    private static final Logger LOG = Logger.getLogger(OutboxBatch.class);

    /** How many messages the batch held, and how many of them are now marked sent. */
    record Outcome(int selected, int sent) {

        static final Outcome NONE = new Outcome(0, 0);

        boolean complete() {
            return sent == selected;
        }
    }

    private OutboxBatch() {
    }

    /**
     * @param sender hands one message to the broker; its stage completes on acknowledgement
     * @param clock  gives the time recorded as {@code sentAt}
     */
    static Outcome send(List<OutboxMessage> batch, Function<OutboxMessage, CompletionStage<Void>> sender,
                        Duration timeout, Clock clock) {
        List<CompletableFuture<Void>> acks = batch.stream().map(message -> start(sender, message)).toList();
        awaitAll(acks, timeout);
        int sent = 0;
        OutboxMessage firstFailed = null;
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage message = batch.get(i);
            message.attempts++;
            String failure = failureOf(acks.get(i));
            if (failure == null && firstFailed == null) {
                message.sentAt = clock.instant();
                message.lastError = null;
                sent++;
            } else if (failure == null) {
                message.lastError = "acknowledged after message " + firstFailed.id
                        + ", which was not: sent again after it";
            } else {
                message.lastError = failure;
                if (firstFailed == null) {
                    firstFailed = message;
                }
            }
        }
        if (firstFailed != null) {
            LOG.warnf("Outbox message %d (%s to %s) not sent, attempt %d: %s; it and the %d after it wait for "
                            + "the next sweep", firstFailed.id, firstFailed.ceId, firstFailed.topic,
                    firstFailed.attempts, firstFailed.lastError, batch.size() - sent - 1);
        }
        return new Outcome(batch.size(), sent);
    }

    private static CompletableFuture<Void> start(Function<OutboxMessage, CompletionStage<Void>> sender,
                                                 OutboxMessage message) {
        try {
            return sender.apply(message).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void awaitAll(List<CompletableFuture<Void>> acks, Duration timeout) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // each message's own outcome is read afterwards; what is not acknowledged stays pending
        }
    }

    private static String failureOf(CompletableFuture<Void> ack) {
        if (!ack.isDone()) {
            return "not acknowledged in time";
        }
        try {
            ack.join();
            return null;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
    }
}
