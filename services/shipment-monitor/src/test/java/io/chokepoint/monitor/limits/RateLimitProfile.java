package io.chokepoint.monitor.limits;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The rate limit switched on, with bursts small enough to spend in a test and a rate so slow (a token every 1000 s)
 * that no token comes back while it runs: the outcome never depends on timing. The same for the events per agency.
 */
public class RateLimitProfile implements QuarkusTestProfile {

    static final int BURST = 5;
    static final int CATALOG_BURST = 2;
    static final int EVENT_BURST = 12;
    static final int BATCH_MAX_SIZE = 10;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(Map.entry("chokepoint.rate-limit.enabled", "true"),
                Map.entry("chokepoint.rate-limit.requests-per-second", "0.001"),
                Map.entry("chokepoint.rate-limit.burst", String.valueOf(BURST)),
                Map.entry("chokepoint.rate-limit.paths.\"/api/v1/catalog\".requests-per-second", "0.001"),
                Map.entry("chokepoint.rate-limit.paths.\"/api/v1/catalog\".burst", String.valueOf(CATALOG_BURST)),
                Map.entry("chokepoint.ingest.event-rate.enabled", "true"),
                Map.entry("chokepoint.ingest.event-rate.events-per-second", "0.001"),
                Map.entry("chokepoint.ingest.event-rate.burst", String.valueOf(EVENT_BURST)),
                Map.entry("chokepoint.ingest.batch-max-size", String.valueOf(BATCH_MAX_SIZE)));
    }
}
