package io.chokepoint.platform.messaging;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The new events of one batch as a {@link BatchHandler} sees them, and what it says of them: an event it refuses
 * (dead-lettered with the reason once the batch commits, without effect), one it finds it had already handled in
 * another way (counted as a duplicate), and what it wants done once the batch has committed (its own metrics).
 *
 * @param <T> the event type
 */
public final class BatchWork<T> {

    private final List<T> events;
    private final Map<T, Context> traces;
    private final Map<T, InvalidEventException> refused = new IdentityHashMap<>();
    private final Map<T, Boolean> duplicates = new IdentityHashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    BatchWork(List<T> events, Map<T, Context> traces) {
        this.events = List.copyOf(events);
        this.traces = traces;
    }

    /** The events in the order they were received. */
    public List<T> events() {
        return events;
    }

    /**
     * Runs the work of each event in turn, inside that event's trace (the context its record arrived with), so
     * that what it writes to the outbox continues the event's trace.
     */
    public void each(Consumer<T> work) {
        for (T event : events) {
            try (Scope ignored = traces.getOrDefault(event, Context.current()).makeCurrent()) {
                work.accept(event);
            }
        }
    }

    /**
     * Dead-letters the event with this reason once the batch commits. The handler must have written nothing for
     * it: the rest of the batch commits with whatever the transaction holds.
     */
    public void refuse(T event, InvalidEventException reason) {
        refused.put(event, reason);
    }

    /** Counts the event as a duplicate: the handler found its effect already there (a revision already stored). */
    public void duplicate(T event) {
        duplicates.put(event, Boolean.TRUE);
    }

    /** Runs once the batch's transaction has committed, not at all if it rolls back. */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    InvalidEventException refusalOf(T event) {
        return refused.get(event);
    }

    boolean isDuplicate(T event) {
        return duplicates.containsKey(event);
    }

    List<Runnable> afterCommitActions() {
        return Collections.unmodifiableList(afterCommit);
    }
}
