package io.chokepoint.platform.outbox;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Sends one batch of pending messages, oldest first, and tells what became of each; {@link OutboxMarks} records it.
 * Every message of the batch is handed to the broker before any acknowledgement is awaited, so that the producer
 * can pack them into few requests: the batch costs about one round trip to the broker, not one per message.
 * <p>
 * Only the acknowledged messages before the first failure count as sent. A message acknowledged after a failed
 * one stays pending and is sent again after it, so that the last record of a key on the topic is always the last
 * one written (a DELISTED record before its tombstone, say); the copy carries the same {@code ce_id}.
 */
final class OutboxBatch {

    private static final Logger LOG = Logger.getLogger(OutboxBatch.class);

    /** A message the broker acknowledged, and when: its relay delay runs from its writing to then. */
    record Acknowledged(long id, String topic, Instant createdAt, Instant acknowledgedAt) {

        Duration delay() {
            return Duration.between(createdAt, acknowledgedAt);
        }
    }

    /**
     * What became of a batch.
     *
     * @param selected how many messages it held
     * @param sent     those to mark sent, the batch's acknowledged prefix, in order
     * @param pending  the ids of the others, by the reason they wait (in batch order)
     */
    record Outcome(int selected, List<Acknowledged> sent, Map<String, List<Long>> pending) {

        static final Outcome NONE = new Outcome(0, List.of(), Map.of());

        boolean complete() {
            return sent.size() == selected;
        }

        List<Long> sentIds() {
            return sent.stream().map(Acknowledged::id).toList();
        }
    }

    private OutboxBatch() {
    }

    /**
     * @param sender hands one message to the broker; its stage completes on acknowledgement
     * @param clock  tells when each acknowledgement arrived
     */
    static Outcome send(List<OutboxMessage> batch, Function<OutboxMessage, CompletionStage<Void>> sender,
                        Duration timeout, Clock clock) {
        List<CompletableFuture<Instant>> acks = batch.stream().map(message -> start(sender, message, clock)).toList();
        awaitAll(acks, timeout);
        List<Acknowledged> sent = new ArrayList<>();
        Map<String, List<Long>> pending = new LinkedHashMap<>();
        OutboxMessage firstFailed = null;
        String firstFailure = null;
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage message = batch.get(i);
            String failure = failureOf(acks.get(i));
            if (failure == null && firstFailed == null) {
                sent.add(new Acknowledged(message.id, message.topic, message.createdAt, acks.get(i).join()));
                continue;
            }
            if (failure == null) {
                failure = "acknowledged after message " + firstFailed.id + ", which was not: sent again after it";
            } else if (firstFailed == null) {
                firstFailed = message;
                firstFailure = failure;
            }
            pending.computeIfAbsent(failure, reason -> new ArrayList<>()).add(message.id);
        }
        if (firstFailed != null) {
            LOG.warnf("Outbox message %d (%s to %s) not sent, attempt %d: %s; it and the %d after it wait for "
                            + "the next sweep", firstFailed.id, firstFailed.ceId, firstFailed.topic,
                    firstFailed.attempts + 1, firstFailure, batch.size() - sent.size() - 1);
        }
        return new Outcome(batch.size(), List.copyOf(sent), pending);
    }

    private static CompletableFuture<Instant> start(Function<OutboxMessage, CompletionStage<Void>> sender,
                                                    OutboxMessage message, Clock clock) {
        try {
            return sender.apply(message).toCompletableFuture().thenApply(acknowledged -> clock.instant());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void awaitAll(List<CompletableFuture<Instant>> acks, Duration timeout) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // each message's own outcome is read afterwards; what is not acknowledged stays pending
        }
    }

    private static String failureOf(CompletableFuture<Instant> ack) {
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
