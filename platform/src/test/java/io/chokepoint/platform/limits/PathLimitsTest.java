package io.chokepoint.platform.limits;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathLimitsTest {

    record Config(double requestsPerSecond, int burst, Map<String, PathLimit> paths) implements RateLimitConfig {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public int maxClients() {
            return 100;
        }
    }

    record Path(double requestsPerSecond, int burst) implements RateLimitConfig.PathLimit {
    }

    private final FakeClock clock = new FakeClock();

    private PathLimits limits(Map<String, RateLimitConfig.PathLimit> paths) {
        return PathLimits.from(new Config(50, 200, paths), clock);
    }

    private static String prefixOf(PathLimits limits, String path) {
        return limits.limitOf(path).map(PathLimits.Limit::prefix).orElse("none");
    }

    @Test
    void onlyTheRestApiIsLimited() {
        PathLimits limits = limits(Map.of());
        assertEquals("/api", prefixOf(limits, "/api/v1/shipments"));
        assertEquals("/api", prefixOf(limits, "/api"));
        assertEquals("none", prefixOf(limits, "/q/health"));
        assertEquals("none", prefixOf(limits, "/q/metrics"));
        assertEquals("none", prefixOf(limits, "/apiary"));
        assertEquals("none", prefixOf(limits, "/"));
        assertEquals("none", prefixOf(limits, null));
        assertEquals(new Rate(50, 200), limits.limitOf("/api/v1/catalog").orElseThrow().buckets().rate());
    }

    @Test
    void theLongestConfiguredPrefixWinsOnWholeSegments() {
        PathLimits limits = limits(Map.of("/api/v1/shipments/batch/", new Path(1, 10),
                "/api/v1/shipments", new Path(20, 40)));
        assertEquals("/api/v1/shipments/batch", prefixOf(limits, "/api/v1/shipments/batch"));
        assertEquals("/api/v1/shipments", prefixOf(limits, "/api/v1/shipments/batchy"));
        assertEquals("/api/v1/shipments", prefixOf(limits, "/api/v1/shipments/3f1c"));
        assertEquals("/api", prefixOf(limits, "/api/v1/catalog"));
        assertEquals(new Rate(1, 10), limits.limitOf("/api/v1/shipments/batch").orElseThrow().buckets().rate());
    }

    @Test
    void aPathHasBucketsOfItsOwn() {
        PathLimits limits = limits(Map.of("/api/v1/shipments/batch", new Path(0.001, 1)));
        PathLimits.Limit batch = limits.limitOf("/api/v1/shipments/batch").orElseThrow();
        assertEquals(0, batch.buckets().acquire("203.0.113.7"));
        assertTrue(batch.buckets().acquire("203.0.113.7") > 0);
        assertEquals(0, limits.limitOf("/api/v1/shipments").orElseThrow().buckets().acquire("203.0.113.7"),
                "the default limit is untouched by the batch path's requests");
    }

    @Test
    void aPrefixOutsideTheApiOrNamedTwiceIsRefused() {
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> limits(Map.of("/q/health", new Path(1, 1))));
        assertTrue(outside.getMessage().contains("/q/health"), outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> limits(Map.of("/api", new Path(1, 1))));
        assertThrows(IllegalArgumentException.class,
                () -> limits(Map.of("/api/v1/catalog", new Path(1, 1), "/api/v1/catalog/", new Path(2, 2))));
        assertThrows(IllegalArgumentException.class, () -> limits(Map.of("/api/v1/catalog", new Path(0, 1))));
        assertEquals(Optional.empty(), limits(Map.of()).limitOf("/q/metrics"));
    }
}
