package io.chokepoint.monitor.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CatalogReadinessTest {

    private final CatalogRegistry catalogs = new CatalogRegistry(new ShippedCatalog(), new ObjectMapper());
    private final CatalogReadiness readiness = new CatalogReadiness(catalogs);

    @Test
    void notReadyBeforeACatalogIsLoaded() {
        HealthCheckResponse response = readiness.call();

        assertEquals("controlled-goods-catalog", response.getName());
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
    }

    @Test
    void readyWithTheVersionInForce() {
        catalogs.loadAtStart();

        HealthCheckResponse response = readiness.call();

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(catalogs.current().version(), response.getData().orElseThrow().get("version"));
        assertEquals((long) catalogs.current().catalog().document().entries().size(),
                response.getData().orElseThrow().get("entries"));
    }

    private static final class ShippedCatalog implements CatalogConfig {
        @Override
        public String location() {
            return "classpath:catalog/controlled-goods.json";
        }

        @Override
        public String watchInterval() {
            return "off";
        }
    }
}
