package io.chokepoint.platform.messaging;

/**
 * What a service does with the records of one poll, through {@link BatchConsumer}: read each record into its event,
 * then handle the batch's new events together, in one transaction.
 *
 * @param <T> the event a record holds
 */
public interface BatchHandler<T> {

    /**
     * The name this handler's events are kept under in the processed-event log ({@code processed_event}), or null
     * when the handler's effect is itself keyed by the event's id (a unique column of its own), so that a second
     * log would only repeat it.
     */
    String consumer();

    /**
     * Reads one record's value. Throws an {@link InvalidEventException} for a record that can never be handled: it
     * is dead-lettered alone, with the exception's message as reason, and the rest of the batch goes on.
     *
     * @param payload the record's value; null for a tombstone
     * @return the event, or null for a record there is nothing to do with (a tombstone of a compacted topic)
     */
    T read(String payload);

    /** The id a redelivery of the event carries too: what the processed-event log remembers. */
    String eventId(T event);

    /**
     * Handles the batch's events not handled before, in the order received, in the transaction of the batch (which
     * also writes their processed-event rows). What throws here rolls the whole attempt back: see
     * {@link BatchConsumer} for how the batch is then taken apart.
     */
    void handle(BatchWork<T> work);
}
