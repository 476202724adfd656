package io.chokepoint.platform.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/**
 * Per-client request rates on the REST API ({@code /api} and below; never {@code /q}, health and metrics). Off unless
 * a service switches it on.
 */
@ConfigMapping(prefix = "chokepoint.rate-limit")
public interface RateLimitConfig {

    /** Whether requests to {@code /api} are counted per client and refused with 429 over the limit. */
    @WithDefault("false")
    boolean enabled();

    /** Requests per second a client may keep up (decimals allowed, {@code 0.5} is one every two seconds). */
    @WithDefault("50")
    double requestsPerSecond();

    /** Requests a client may send at once after a quiet spell, above the sustained rate. */
    @WithDefault("200")
    int burst();

    /**
     * Most clients tracked at once, per limit (the default and each path's own). Past it the clients quiet long enough
     * to be back at their full burst are forgotten first (nothing is lost: they would start full again), then those
     * seen least recently.
     */
    @WithDefault("10000")
    int maxClients();

    /**
     * Limits of their own for some paths, by path prefix under {@code /api} (a quoted key:
     * {@code paths."/api/v1/shipments/batch".burst}). A request counts against the limit of the longest prefix it
     * falls under, only that one; a prefix matches whole path segments.
     */
    Map<String, PathLimit> paths();

    /** The limit of the requests under one path prefix. */
    interface PathLimit {

        /** Requests per second a client may keep up under this prefix. */
        double requestsPerSecond();

        /** Requests a client may send at once under this prefix. */
        int burst();
    }
}
