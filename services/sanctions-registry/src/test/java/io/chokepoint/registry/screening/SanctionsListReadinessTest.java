package io.chokepoint.registry.screening;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SanctionsListReadinessTest {

    @Test
    void downUntilTheIndexIsLoaded() {
        HealthCheckResponse response = SanctionsListReadiness.of(null);

        assertEquals("sanctions-list", response.getName());
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertTrue(response.getData().orElseThrow().get("reason").toString().contains("not loaded"));
    }

    @Test
    void upWithTheListVersionAndTheEntitiesOnceLoaded() {
        Instant loadedAt = Instant.parse("2026-11-28T10:00:00Z");
        HealthCheckResponse response = SanctionsListReadiness.of(
                new ScreeningService.IndexState("2026-11-28.0003", 8976, loadedAt));

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("2026-11-28.0003", response.getData().orElseThrow().get("listVersion"));
        assertEquals(8976L, ((Number) response.getData().orElseThrow().get("entities")).longValue());
        assertEquals("2026-11-28T10:00:00Z", response.getData().orElseThrow().get("loadedAt"));
    }
}
