package io.chokepoint.monitor.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the controlled-goods catalog comes from, and how a changed file is noticed. */
@ConfigMapping(prefix = "chokepoint.catalog")
public interface CatalogConfig {

    /**
     * The catalog JSON: {@code classpath:<resource>} for the one shipped with the service, or a file path to run
     * with a newer catalog without a rebuild. A file is read again on {@code POST /api/v1/catalog/reload} and when it
     * changes.
     */
    @WithDefault("classpath:catalog/controlled-goods.json")
    String location();

    /**
     * How often a file catalog is checked for changes (its content is compared, not its date); {@code off} to reload
     * only on request. A classpath catalog cannot change and is never checked.
     */
    @WithDefault("10s")
    String watchInterval();
}
