package io.chokepoint.alerting.stream;

import io.chokepoint.alerting.alerts.SequencedAlert;
import io.chokepoint.alerting.support.JsonCodec;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * One connected client. Its cursor is the stream position of the last change it was shown or skipped; a pump
 * sends the alerts that changed after it, in order, from the hub's recent window or from the database, until it
 * has caught up. Replay after a reconnection and live changes are the same thing: changes after the cursor. Hence
 * no gap and no repeat between them, whatever commits in between.
 * <p>
 * An alert raised after the cursor is new to the client: event {@value #RAISED}, as it now stands. An alert
 * raised before (or at) the cursor that changed after it is event {@value #UPDATED}: the client may not have been
 * shown it yet (it was raised before the client connected, or it matches the filter only now), so the client
 * treats it as an insert or an update.
 * <p>
 * One pump runs at a time per client, on the hub's pool; it does not wait for the network: it hands a batch to
 * the connection and runs again when the batch is written. A client that takes longer than the send timeout to
 * accept a batch is disconnected.
 */
final class StreamClient {

    /** The event name of an alert raised after the client's cursor. */
    static final String RAISED = "alert";
    /** The event name of a change to an alert raised at or before the client's cursor. */
    static final String UPDATED = "alert-updated";

    private static final Logger LOG = Logger.getLogger(StreamClient.class);

    private final AlertStreamHub hub;
    private final SseEventSink sink;
    private final Sse sse;
    private final Predicate<SequencedAlert> filter;
    private final JsonCodec json;
    private final Executor executor;
    private final StreamConfig config;
    private final StreamMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean signalled;
    /** Read and written by the pump only, which runs once at a time. */
    private long cursor;
    /** The last write handed to the connection; writes are chained so that they reach it in order. */
    private CompletableFuture<?> writes = CompletableFuture.completedFuture(null);

    StreamClient(AlertStreamHub hub, SseEventSink sink, Sse sse, Predicate<SequencedAlert> filter, long cursor,
                 JsonCodec json, Executor executor, StreamConfig config, StreamMetrics metrics) {
        this.hub = hub;
        this.sink = sink;
        this.sse = sse;
        this.filter = filter;
        this.cursor = cursor;
        this.json = json;
        this.executor = executor;
        this.config = config;
        this.metrics = metrics;
    }

    /** Opens the stream with a comment, so that the client sees the answer at once, and starts the replay. */
    void start() {
        write(sse.newEventBuilder().comment("connected").reconnectDelay(config.reconnectDelay().toMillis())
                .build());
        signal();
    }

    /** There may be changes after the cursor: the pump runs (again) soon. */
    void signal() {
        signalled = true;
        if (!closed.get() && running.compareAndSet(false, true)) {
            executor.execute(this::pump);
        }
    }

    /** A comment on an idle connection; a client still busy with a batch needs none. */
    void heartbeat() {
        if (sink.isClosed()) {
            close();
            return;
        }
        synchronized (this) {
            if (!writes.isDone()) {
                return;
            }
        }
        write(sse.newEventBuilder().comment("heartbeat").build());
        signal();
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            hub.disconnected(this);
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.debugf("Closing a stream client failed: %s", e.getMessage());
            }
        }
    }

    private void pump() {
        signalled = false;
        if (sink.isClosed()) {
            close();
            return;
        }
        List<StreamedAlert> batch;
        try {
            batch = hub.after(cursor, config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not read alerts after %d for a stream client; the next signal tries again", cursor);
            running.set(false);
            return;
        }
        if (batch.isEmpty()) {
            running.set(false);
            if (signalled) {
                signal();
            }
            return;
        }
        CompletableFuture<?> written = CompletableFuture.completedFuture(null);
        for (StreamedAlert alert : batch) {
            if (filter.test(alert.alert())) {
                String name = alert.sequence() > cursor ? RAISED : UPDATED;
                written = write(event(alert, name));
                written.thenRun(() -> metrics.sent(name));
            }
        }
        cursor = batch.get(batch.size() - 1).position();
        written.orTimeout(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.debugf("Stream client gone or too slow (%s); disconnected", failure.toString());
                close();
                return;
            }
            running.set(false);
            signal();
        });
    }

    private OutboundSseEvent event(StreamedAlert alert, String name) {
        return sse.newEventBuilder()
                .id(Long.toString(alert.position()))
                .name(name)
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, json.write(alert.summary()))
                .build();
    }

    private synchronized CompletableFuture<?> write(OutboundSseEvent event) {
        writes = writes.thenCompose(previous -> sink.send(event).toCompletableFuture());
        return writes;
    }
}
