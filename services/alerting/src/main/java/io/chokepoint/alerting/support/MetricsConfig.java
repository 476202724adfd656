package io.chokepoint.alerting.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The service's own meters on {@code /q/metrics}. */
@ConfigMapping(prefix = "chokepoint.metrics")
public interface MetricsConfig {

    /**
     * How often the gauges counted in the database (open alerts by severity, the webhook queue) are counted again.
     * A scrape reads the last count from memory, so scrapes never query the database. Read by the scheduler as
     * {@code ${chokepoint.metrics.gauge-refresh-interval}}; 1s at least (scheduler resolution).
     */
    @WithDefault("5s")
    Duration gaugeRefreshInterval();
}
