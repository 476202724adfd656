package io.chokepoint.registry.imports;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * List imports by format and outcome: {@code imported} (a list version committed), {@code unchanged} (the file
 * matched the list, no version), {@code refused} (the request or its files answered 400 or 413, nothing changed).
 * The format is one of {@link ImportFormat}, or {@code unknown} for a refused request naming none of them.
 */
@ApplicationScoped
class ImportMetrics {

    static final String IMPORTS = "chokepoint.list.imports";
    static final String UNKNOWN_FORMAT = "unknown";

    private final MeterRegistry registry;

    ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An import applied and committed: a new list version, or none when the file changed nothing. */
    void applied(ImportFormat format, boolean versioned) {
        count(format.parameter(), versioned ? "imported" : "unchanged");
    }

    /** A request refused before anything was written; {@code format} as the request gave it. */
    void refused(String format) {
        String tag = format == null ? UNKNOWN_FORMAT
                : ImportFormat.of(format).map(ImportFormat::parameter).orElse(UNKNOWN_FORMAT);
        count(tag, "refused");
    }

    private void count(String format, String outcome) {
        Counter.builder(IMPORTS)
                .description("List imports by format and outcome: imported, unchanged or refused")
                .tag("format", format)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
