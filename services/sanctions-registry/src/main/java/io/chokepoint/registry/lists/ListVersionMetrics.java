package io.chokepoint.registry.lists;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Counts list versions by source, once committed, on the instance that committed them: summed over the instances of
 * the service, each version counts once.
 */
@ApplicationScoped
class ListVersionMetrics {

    static final String VERSIONS = "chokepoint.list.versions";

    private final MeterRegistry registry;

    ListVersionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListVersionCommitted version) {
        Counter.builder(VERSIONS)
                .description("List versions committed, by source")
                .tag("source", version.source())
                .register(registry)
                .increment();
    }
}
