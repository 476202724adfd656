package io.chokepoint.platform.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a request body over {@code quarkus.http.limits.max-body-size} is answered. */
@ConfigMapping(prefix = "chokepoint.body-limit")
public interface BodyLimitConfig {

    /**
     * Whether a request announcing a body over the limit (its {@code Content-Length}) is answered 413 with
     * {@code {"errors":[{"field":"body","message"}]}} naming the limit, instead of Quarkus' empty 413.
     */
    @WithDefault("false")
    boolean enabled();
}
