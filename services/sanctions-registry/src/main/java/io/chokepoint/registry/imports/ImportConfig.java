package io.chokepoint.registry.imports;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** Settings of list imports ({@code POST /api/v1/imports}). */
@ConfigMapping(prefix = "chokepoint.imports")
public interface ImportConfig {

    /**
     * Largest accepted file, per multipart part; a larger one is refused with 413 before it is parsed. Keep
     * {@code quarkus.http.limits.max-body-size} above three times this value (OFAC sends three parts).
     */
    MemorySize maxFileSize();

    /** JDBC batch size of the writes of one import (entity inserts and updates). */
    int batchSize();

    /** Most changed entities listed by id in an import report; the counts are always complete. */
    int maxReportedChanges();

    /** Most problems reported for a refused file; parsing stops after that many. */
    int maxReportedProblems();
}
