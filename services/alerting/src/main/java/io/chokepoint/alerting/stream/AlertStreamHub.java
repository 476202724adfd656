package io.chokepoint.alerting.stream;

import io.chokepoint.alerting.alerts.Alert;
import io.chokepoint.alerting.alerts.AlertChanged;
import io.chokepoint.alerting.alerts.AlertSequencer;
import io.chokepoint.alerting.alerts.AlertViews;
import io.chokepoint.alerting.alerts.NewAlert;
import io.chokepoint.alerting.alerts.SequencedAlert;
import io.chokepoint.alerting.support.JsonCodec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Knows the committed changes of alerts and the connected clients. Every change (a raise, new evidence, an
 * officer's work) moves its alert to a new stream position, numbered in commit order (see {@link AlertSequencer}).
 * The head is the highest position read; every change up to it is committed and readable, so a client behind the
 * head reads "alerts whose latest position is after my cursor, up to the head" and misses nothing. An alert that
 * changed twice while a client was behind is sent once, as it now stands. The alerts of the latest
 * {@code window-size} positions are kept in memory for the live clients; a client further behind (a reconnection
 * with an old Last-Event-ID, a slow reader) reads from the database.
 * <p>
 * The head moves when a change made here commits, and on a poll for those made by other instances; then every
 * client is signalled to pump.
 */
@ApplicationScoped
public class AlertStreamHub {

    private static final Logger LOG = Logger.getLogger(AlertStreamHub.class);

    private final StreamConfig config;
    private final AlertViews views;
    private final AlertSequencer sequencer;
    private final JsonCodec json;
    private final StreamMetrics metrics;
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(daemon("alert-stream-head"));
    private final ExecutorService pumps = Executors.newFixedThreadPool(2, daemon("alert-stream"));
    private final AtomicBoolean refreshPending = new AtomicBoolean();

    /** Guarded by this: by position, every alert whose latest position is in (floor, head]. */
    private final TreeMap<Long, StreamedAlert> window = new TreeMap<>();
    /** Guarded by this: the position of each alert in the window. */
    private final Map<String, Long> windowPositions = new HashMap<>();
    private long floor;
    private long head;

    public AlertStreamHub(StreamConfig config, AlertViews views, AlertSequencer sequencer, JsonCodec json,
                          StreamMetrics metrics) {
        this.config = config;
        this.views = views;
        this.sequencer = sequencer;
        this.json = json;
        this.metrics = metrics;
        metrics.watchClients(clients::size);
    }

    void onStart(@Observes StartupEvent event) {
        long highest = QuarkusTransaction.requiringNew().call(sequencer::highestCommitted);
        synchronized (this) {
            head = highest;
            floor = highest;
        }
    }

    @PreDestroy
    void stop() {
        clients.forEach(StreamClient::close);
        refresher.shutdown();
        pumps.shutdown();
    }

    /**
     * Registers a client whose cursor is the Last-Event-ID it gave, or the current head (changes from now on).
     *
     * @throws TooManyClientsException beyond {@code max-clients}
     */
    public void connect(SseEventSink sink, Sse sse, Predicate<SequencedAlert> filter, Long lastEventId) {
        if (clients.size() >= config.maxClients()) {
            throw new TooManyClientsException(config.maxClients());
        }
        long cursor = lastEventId != null ? lastEventId : head();
        StreamClient client = new StreamClient(this, sink, sse, filter, cursor, json, pumps, config, metrics);
        clients.add(client);
        client.start();
    }

    public int clientCount() {
        return clients.size();
    }

    void disconnected(StreamClient client) {
        clients.remove(client);
    }

    void onAlertCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) NewAlert event) {
        requestRefresh();
    }

    void onChangeCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertChanged event) {
        requestRefresh();
    }

    @Scheduled(identity = "chokepoint-stream-poll",
            every = "${chokepoint.stream.poll-interval:1s}", delayed = "${chokepoint.stream.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        requestRefresh();
    }

    @Scheduled(identity = "chokepoint-stream-heartbeat",
            every = "${chokepoint.stream.heartbeat-interval:15s}",
            delayed = "${chokepoint.stream.heartbeat-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeat() {
        clients.forEach(StreamClient::heartbeat);
    }

    /**
     * Alerts whose latest position is after the cursor and up to the head, by position, at most {@code limit}: from
     * the window when it reaches back that far, else from the database. Called by client pumps.
     */
    List<StreamedAlert> after(long cursor, int limit) {
        long upTo;
        synchronized (this) {
            if (cursor >= head) {
                return List.of();
            }
            if (cursor >= floor) {
                return window.tailMap(cursor, false).values().stream().limit(limit).toList();
            }
            upTo = head;
        }
        return QuarkusTransaction.requiringNew().call(() -> read(cursor, upTo, limit));
    }

    private synchronized long head() {
        return head;
    }

    private void requestRefresh() {
        if (refreshPending.compareAndSet(false, true)) {
            try {
                refresher.execute(this::refresh);
            } catch (RejectedExecutionException e) {
                refreshPending.set(false);
            }
        }
    }

    /** Reads what committed after the head, moves the head, and signals the clients. */
    private void refresh() {
        refreshPending.set(false);
        try {
            boolean moved = false;
            List<StreamedAlert> fresh;
            do {
                long from = head();
                fresh = QuarkusTransaction.requiringNew().call(() -> read(from, Long.MAX_VALUE, config.batchSize()));
                append(fresh);
                moved |= !fresh.isEmpty();
            } while (fresh.size() == config.batchSize());
            if (moved) {
                clients.forEach(StreamClient::signal);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not read new alerts for the stream; the next poll tries again");
        }
    }

    /** Moves each alert read to its new position: the window never holds an alert twice. */
    private synchronized void append(List<StreamedAlert> fresh) {
        for (StreamedAlert alert : fresh) {
            Long previous = windowPositions.put(alert.alertId(), alert.position());
            if (previous != null) {
                window.remove(previous);
            }
            window.put(alert.position(), alert);
            head = alert.position();
        }
        while (window.size() > config.windowSize()) {
            Map.Entry<Long, StreamedAlert> oldest = window.pollFirstEntry();
            windowPositions.remove(oldest.getValue().alertId(), oldest.getKey());
            floor = oldest.getKey();
        }
    }

    private List<StreamedAlert> read(long after, long upTo, int limit) {
        List<Alert> alerts = Alert.find("streamPosition > ?1 and streamPosition <= ?2 order by streamPosition",
                after, upTo).page(0, limit).list();
        List<StreamedAlert> read = new ArrayList<>(alerts.size());
        alerts.forEach(alert -> read.add(StreamedAlert.of(alert, views)));
        return read;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
