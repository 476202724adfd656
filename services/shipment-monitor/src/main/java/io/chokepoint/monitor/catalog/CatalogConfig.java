package io.chokepoint.monitor.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the controlled-goods catalog comes from. */
@ConfigMapping(prefix = "chokepoint.catalog")
public interface CatalogConfig {

    /**
     * The catalog JSON: {@code classpath:<resource>} for the one shipped with the service, or a file path to run
     * with a newer catalog without a rebuild.
     */
    @WithDefault("classpath:catalog/controlled-goods.json")
    String location();
}
