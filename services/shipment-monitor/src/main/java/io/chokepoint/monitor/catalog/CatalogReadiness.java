package io.chokepoint.monitor.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only with a controlled-goods catalog in force: without one no goods line could be classified. Its data name
 * the version in force, so that an operator sees which catalog every instance classifies with (after a reload too).
 */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {

    static final String NAME = "controlled-goods-catalog";

    private final CatalogRegistry catalogs;

    CatalogReadiness(CatalogRegistry catalogs) {
        this.catalogs = catalogs;
    }

    @Override
    public HealthCheckResponse call() {
        LoadedCatalog loaded = catalogs.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (loaded == null) {
            return response.down().withData("reason", "no catalog loaded").build();
        }
        return response.up()
                .withData("version", loaded.version())
                .withData("entries", loaded.catalog().document().entries().size())
                .withData("loadedAt", loaded.loadedAt().toString())
                .build();
    }
}
