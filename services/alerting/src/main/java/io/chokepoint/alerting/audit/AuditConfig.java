package io.chokepoint.alerting.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Paging of the audit API. */
@ConfigMapping(prefix = "chokepoint.audit")
public interface AuditConfig {

    /** Page size when the request names none. */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest page size a request may ask for. */
    @WithDefault("200")
    int maxPageSize();
}
