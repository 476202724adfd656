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
    private final ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private volatile Exception lastFailure;

    RestShipmentSink(SuiteClient suite, SentShipments sent) {
        this.suite = suite;
        this.sent = sent;
    }

    @Override
    public void send(List<EvaluationCase> events) throws InterruptedException {
        for (List<EvaluationCase> batch : batchesByAgency(events)) {
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

    private static List<List<EvaluationCase>> batchesByAgency(List<EvaluationCase> events) {
        Map<String, List<EvaluationCase>> byAgency = new LinkedHashMap<>();
        events.forEach(event -> byAgency.computeIfAbsent(event.reportingAgency(), a -> new ArrayList<>()).add(event));
        List<List<EvaluationCase>> batches = new ArrayList<>();
        for (List<EvaluationCase> agency : byAgency.values()) {
            for (int from = 0; from < agency.size(); from += BATCH) {
                batches.add(agency.subList(from, Math.min(agency.size(), from + BATCH)));
            }
        }
        return batches;
    }

    @Override
    public void flush() throws InterruptedException {
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
