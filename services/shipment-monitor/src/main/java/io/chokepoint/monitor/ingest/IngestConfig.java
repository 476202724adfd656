package io.chokepoint.monitor.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what partners may submit. */
@ConfigMapping(prefix = "chokepoint.ingest")
public interface IngestConfig {

    /** Most events one {@code POST /api/v1/shipments/batch} may carry; a larger batch is refused whole. */
    @WithDefault("1000")
    int batchMaxSize();

    /**
     * How many times an event is tried when a concurrent writer wins a unique-key race (same eventId, or the first
     * events of one declaration): the retry sees the winner's row and answers duplicate or updates its shipment.
     */
    @WithDefault("3")
    int raceAttempts();

    /**
     * Most distinct reporting agencies named in the {@code agency} tag of the ingestion metrics; agencies seen after
     * that many are counted as {@code other}, so that a partner inventing codes cannot multiply the series.
     */
    @WithDefault("50")
    int agencyTagLimit();
}
