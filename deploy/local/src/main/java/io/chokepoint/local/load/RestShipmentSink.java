package io.chokepoint.local.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.chokepoint.local.eval.EvaluationCase;
import io.chokepoint.local.eval.SuiteClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Posts the events to shipment-monitor's batch endpoint, each agency's as that agency's partner, a few batches in
 * flight at once (a 429 is waited out inside the client, as its Retry-After says). An event counts as taken when
 * its result is ACCEPTED; any other result, or a failed batch, takes it out of the run.
 */
final class RestShipmentSink implements ShipmentSink {

    static final int BATCH = 200;
    /** Batches in flight: enough to keep the endpoint busy while one batch's answer travels back. */
    static final int IN_FLIGHT = 4;

    private final SuiteClient suite;
    private final SentShipments sent;
    private final boolean fullBatches;
    private final Map<String, List<EvaluationCase>> waiting = new LinkedHashMap<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private volatile Exception lastFailure;

    /**
     * With {@code fullBatches} (saturating), an agency's events wait until they fill a batch or the run flushes;
     * otherwise (at a steady rate) the events due are posted at once, however few.
     */
    RestShipmentSink(SuiteClient suite, SentShipments sent, boolean fullBatches) {
        this.suite = suite;
        this.sent = sent;
        this.fullBatches = fullBatches;
    }

    @Override
    public void send(List<EvaluationCase> events) throws InterruptedException {
        events.forEach(event -> waiting.computeIfAbsent(event.reportingAgency(), a -> new ArrayList<>()).add(event));
        postWaiting(fullBatches ? BATCH : 1);
    }

    /** Posts, in batches of at most {@link #BATCH}, each agency's waiting events once there are at least {@code least}. */
    private void postWaiting(int least) throws InterruptedException {
        for (List<EvaluationCase> agency : waiting.values()) {
            while (agency.size() >= least && !agency.isEmpty()) {
                List<EvaluationCase> batch = List.copyOf(agency.subList(0, Math.min(BATCH, agency.size())));
                agency.subList(0, batch.size()).clear();
                slots.acquire();
                senders.execute(() -> {
                    try {
                        post(batch);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
    }

    private void post(List<EvaluationCase> batch) {
        sent.sending(batch, System.currentTimeMillis());
        try {
            JsonNode results = suite.postBatch(batch.get(0).reportingAgency(),
                    batch.stream().map(event -> (JsonNode) event.event()).toList());
            long now = System.currentTimeMillis();
            for (int i = 0; i < batch.size(); i++) {
                if ("ACCEPTED".equals(results.path(i).path("status").asText())) {
                    sent.confirmed(1, now);
                } else {
                    sent.failed(batch.get(i));
                }
            }
        } catch (Exception e) {
            lastFailure = e;
            batch.forEach(sent::failed);
        }
    }

    @Override
    public void flush() throws InterruptedException {
        postWaiting(1);
        slots.acquire(IN_FLIGHT);
        slots.release(IN_FLIGHT);
    }

    @Override
    public Exception lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() throws InterruptedException {
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.MINUTES);
    }
}
