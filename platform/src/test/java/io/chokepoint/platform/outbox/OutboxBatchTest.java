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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxBatchTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration TIMEOUT = Duration.ofMillis(200);

    @Test
    void acknowledgedMessagesAreMarkedSentInOrder() {
        List<OutboxMessage> batch = messages(3);
        List<Long> handedOver = new ArrayList<>();

        OutboxBatch.Outcome outcome = OutboxBatch.send(batch, message -> {
            handedOver.add(message.id);
            return CompletableFuture.completedFuture(null);
        }, TIMEOUT, CLOCK);

        assertEquals(new OutboxBatch.Outcome(3, 3), outcome);
        assertTrue(outcome.complete());
        assertEquals(List.of(1L, 2L, 3L), handedOver);
        for (OutboxMessage message : batch) {
            assertEquals(NOW, message.sentAt);
            assertEquals(1, message.attempts);
            assertNull(message.lastError);
        }
    }

    @Test
    void aFailureKeepsItAndEverythingAfterItPendingEvenWhatWasAcknowledged() {
        List<OutboxMessage> batch = messages(4);
        batch.get(1).lastError = "an earlier failure";
        OutboxBatch.Outcome outcome = OutboxBatch.send(batch, answers(Map.of(
                2L, CompletableFuture.failedFuture(new IllegalStateException("broker away")))), TIMEOUT, CLOCK);

        assertEquals(new OutboxBatch.Outcome(4, 1), outcome);
        assertFalse(outcome.complete());
        assertEquals(NOW, batch.get(0).sentAt);
        assertNull(batch.get(1).sentAt);
        assertEquals("IllegalStateException: broker away", batch.get(1).lastError);
        assertNull(batch.get(2).sentAt, "acknowledged after a failure: sent again after the failed one");
        assertTrue(batch.get(2).lastError.contains("after message 2"), batch.get(2).lastError);
        assertNull(batch.get(3).sentAt);
        batch.forEach(message -> assertEquals(1, message.attempts));
    }

    @Test
    void aMessageNotAcknowledgedInTimeStaysPending() {
        List<OutboxMessage> batch = messages(2);
        OutboxBatch.Outcome outcome = OutboxBatch.send(batch,
                answers(Map.of(1L, new CompletableFuture<>())), TIMEOUT, CLOCK);

        assertEquals(new OutboxBatch.Outcome(2, 0), outcome);
        assertEquals("not acknowledged in time", batch.get(0).lastError);
        assertNull(batch.get(1).sentAt);
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

        assertEquals(new OutboxBatch.Outcome(2, 1), outcome);
        assertEquals(2, batch.get(1).attempts + batch.get(0).attempts);
        assertEquals("IllegalArgumentException: unreadable JSON", batch.get(1).lastError);
    }

    @Test
    void anEmptyBatchIsComplete() {
        assertEquals(new OutboxBatch.Outcome(0, 0), OutboxBatch.send(List.of(), message -> {
            throw new AssertionError("nothing to send");
        }, TIMEOUT, CLOCK));
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
            message.createdAt = NOW.minusSeconds(60);
            messages.add(message);
        }
        return messages;
    }
}
