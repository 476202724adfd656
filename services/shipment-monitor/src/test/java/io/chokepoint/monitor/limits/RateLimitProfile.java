package io.chokepoint.monitor.limits;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The rate limit switched on, with bursts small enough to spend in a test and a rate so slow (a token every 1000 s)
 * that no token comes back while it runs: the outcome never depends on timing.
 */
public class RateLimitProfile implements QuarkusTestProfile {

    static final int BURST = 5;
    static final int CATALOG_BURST = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("chokepoint.rate-limit.enabled", "true",
                "chokepoint.rate-limit.requests-per-second", "0.001",
                "chokepoint.rate-limit.burst", String.valueOf(BURST),
                "chokepoint.rate-limit.paths.\"/api/v1/catalog\".requests-per-second", "0.001",
                "chokepoint.rate-limit.paths.\"/api/v1/catalog\".burst", String.valueOf(CATALOG_BURST));
    }
}
