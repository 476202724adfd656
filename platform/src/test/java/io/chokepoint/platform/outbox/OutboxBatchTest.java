package io.chokepoint.platform.outbox;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxBatchTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:00Z");
    private static final Instant WRITTEN = NOW.minusSeconds(60);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration TIMEOUT = Duration.ofMillis(200);

    @Test
    void acknowledgedMessagesAreSentInOrderWithTheirDelay() {
        List<OutboxMessage> batch = messages(3);
        List<Long> handedOver = new ArrayList<>();

        OutboxBatch.Outcome outcome = OutboxBatch.send(batch, message -> {
            handedOver.add(message.id);
            return CompletableFuture.completedFuture(null);
        }, TIMEOUT, CLOCK);

        assertEquals(3, outcome.selected());
        assertTrue(outcome.complete());
        assertEquals(List.of(1L, 2L, 3L), handedOver);
        assertEquals(List.of(1L, 2L, 3L), outcome.sentIds());
        assertEquals(Map.of(), outcome.pending());
        OutboxBatch.Acknowledged first = outcome.sent().get(0);
        assertEquals("alerts.raised", first.topic());
        assertEquals(Duration.ofSeconds(60), first.delay());
    }

    @Test
    void everyMessageIsHandedOverBeforeAnyAcknowledgementArrives() {
        List<OutboxMessage> batch = messages(3);
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        CompletableFuture<OutboxBatch.Outcome> outcome = CompletableFuture.supplyAsync(() ->
                OutboxBatch.send(batch, message -> {
                    CompletableFuture<Void> ack = new CompletableFuture<>();
                    synchronized (acks) {
                        acks.add(ack);
                    }
                    return ack;
                }, Duration.ofSeconds(30), CLOCK));

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            synchronized (acks) {
                return acks.size() == 3;
            }
        });
        assertFalse(outcome.isDone(), "the batch waits for acknowledgements only once all are in flight");
        synchronized (acks) {
            acks.forEach(ack -> ack.complete(null));
        }
        assertEquals(List.of(1L, 2L, 3L), outcome.join().sentIds());
    }

    @Test
    void aFailureKeepsItAndEverythingAfterItPendingEvenWhatWasAcknowledged() {
        List<OutboxMessage> batch = messages(4);
        OutboxBatch.Outcome outcome = OutboxBatch.send(batch, answers(Map.of(
                2L, CompletableFuture.failedFuture(new IllegalStateException("broker away")))), TIMEOUT, CLOCK);

        assertEquals(4, outcome.selected());
        assertFalse(outcome.complete());
        assertEquals(List.of(1L), outcome.sentIds());
        assertEquals(List.of(2L), outcome.pending().get("IllegalStateException: broker away"));
        String after = "acknowledged after message 2, which was not: sent again after it";
        assertEquals(List.of(3L, 4L), outcome.pending().get(after),
                "acknowledged after a failure: sent again after the failed one");
        assertEquals(2, outcome.pending().size());
    }

    @Test
    void messagesFailingAlikeWaitUnderOneReason() {
        List<OutboxMessage> batch = messages(3);
        OutboxBatch.Outcome outcome = OutboxBatch.send(batch,
                message -> CompletableFuture.failedFuture(new IllegalStateException("broker away")), TIMEOUT, CLOCK);

        assertEquals(List.of(), outcome.sentIds());
        assertEquals(Map.of("IllegalStateException: broker away", List.of(1L, 2L, 3L)), outcome.pending());
    }

    @Test
    void aMessageNotAcknowledgedInTimeStaysPending() {
        List<OutboxMessage> batch = messages(2);
        OutboxBatch.Outcome outcome = OutboxBatch.send(batch,
                answers(Map.of(1L, new CompletableFuture<>())), TIMEOUT, CLOCK);

        assertEquals(List.of(), outcome.sentIds());
        assertEquals(List.of(1L), outcome.pending().get("not acknowledged in time"));
        assertTrue(outcome.pending().keySet().stream().anyMatch(reason -> reason.contains("after message 1")));
    }

    @Test
    void aMessageThatCannotEvenBeHandedOverCountsAsAFailedSend() {
        List<OutboxMessage> batch = messages(2);
        OutboxBatch.Outcome outcome = OutboxBatch.send(batch, message -> {
            if (message.id == 2L) {
                throw new IllegalArgumentException("unreadable JSON");
            }
            return CompletableFuture.completedFuture(null);
        }, TIMEOUT, CLOCK);

        assertEquals(List.of(1L), outcome.sentIds());
        assertEquals(Map.of("IllegalArgumentException: unreadable JSON", List.of(2L)), outcome.pending());
    }

    @Test
    void anEmptyBatchIsComplete() {
        OutboxBatch.Outcome outcome = OutboxBatch.send(List.of(), message -> {
            throw new AssertionError("nothing to send");
        }, TIMEOUT, CLOCK);
        assertEquals(0, outcome.selected());
        assertTrue(outcome.complete());
    }

    private static Function<OutboxMessage, CompletionStage<Void>> answers(Map<Long, CompletableFuture<Void>> special) {
        return message -> special.getOrDefault(message.id, CompletableFuture.completedFuture(null));
    }

    private static List<OutboxMessage> messages(int count) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            OutboxMessage message = new OutboxMessage();
            message.id = id;
            message.topic = "alerts.raised";
            message.messageKey = "key-" + id;
            message.ceId = "ce-" + id;
            message.ceType = "io.chokepoint.alert.raised";
            message.payload = "{}";
            message.createdAt = WRITTEN;
            messages.add(message);
        }
        return messages;
    }
}
