package io.chokepoint.registry.screening;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the screening index has been loaded from the database: before, a screening would wait for the load,
 * or find nothing if it failed. Its data name the list version the index holds and its listed entities, so that an
 * operator sees whether every instance screens against the same version.
 */
@Readiness
@ApplicationScoped
public class SanctionsListReadiness implements HealthCheck {

    static final String NAME = "sanctions-list";

    private final ScreeningService screening;

    SanctionsListReadiness(ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    public HealthCheckResponse call() {
        return of(screening.state());
    }

    static HealthCheckResponse of(ScreeningService.IndexState state) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (state == null) {
            return response.down().withData("reason", "the screening index is not loaded from the database yet").build();
        }
        return response.up()
                .withData("listVersion", state.listVersion())
                .withData("entities", state.entities())
                .withData("loadedAt", state.loadedAt().toString())
                .build();
    }
}
