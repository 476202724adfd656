package io.chokepoint.registry.web;

import io.smallrye.config.ConfigMapping;

/** Settings of the REST API. */
@ConfigMapping(prefix = "chokepoint.api")
public interface ApiConfig {

    /** Page size of list endpoints when the request names none. */
    int defaultPageSize();

    /** Largest page size a request may ask for. */
    int maxPageSize();
}
