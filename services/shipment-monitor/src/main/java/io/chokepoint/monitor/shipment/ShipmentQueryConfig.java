package io.chokepoint.monitor.shipment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Paging of {@code GET /api/v1/shipments}. */
@ConfigMapping(prefix = "chokepoint.shipments")
public interface ShipmentQueryConfig {

    /** Page size when the request gives none. */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest page size a request may ask for. */
    @WithDefault("200")
    int maxPageSize();
}
