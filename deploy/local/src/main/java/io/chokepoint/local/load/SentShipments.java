package io.chokepoint.local.load;

import io.chokepoint.local.eval.EvaluationCase;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events of this run that reached the suite, by declaration id, with when each was sent. An event is entered
 * before it is sent (its alert may come back before the send returns) and taken out again if the send failed.
 */
final class SentShipments {

    record Sent(EvaluationCase event, long sentAtMillis) {

        boolean expectsAlert() {
            return event.expectedAlert() != null;
        }
    }

    private final Map<String, Sent> byDeclaration = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong confirmed = new AtomicLong();
    private volatile long lastConfirmedAtMillis;

    void sending(Collection<EvaluationCase> events, long sentAtMillis) {
        events.forEach(event -> byDeclaration.put(event.declarationId(), new Sent(event, sentAtMillis)));
    }

    /** The broker or the service has taken the event. */
    void confirmed(int events, long atMillis) {
        confirmed.addAndGet(events);
        lastConfirmedAtMillis = Math.max(lastConfirmedAtMillis, atMillis);
    }

    void failed(EvaluationCase event) {
        if (byDeclaration.remove(event.declarationId()) != null) {
            failed.incrementAndGet();
        }
    }

    Sent find(String declarationId) {
        return byDeclaration.get(declarationId);
    }

    long sent() {
        return byDeclaration.size();
    }

    long confirmed() {
        return confirmed.get();
    }

    long failed() {
        return failed.get();
    }

    long lastConfirmedAtMillis() {
        return lastConfirmedAtMillis;
    }

    long expectingAlert() {
        return byDeclaration.values().stream().filter(Sent::expectsAlert).count();
    }
}
