package io.chokepoint.alerting.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Paging of the alerts API. */
@ConfigMapping(prefix = "chokepoint.alerts.api")
public interface AlertsApiConfig {

    /** Page size when the request names none. */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest page size a request may ask for. */
    @WithDefault("200")
    int maxPageSize();
}
