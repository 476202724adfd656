package io.chokepoint.platform.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.platform.web.ErrorResponse;
import io.chokepoint.platform.web.FieldError;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Quarkus refuses a request whose {@code Content-Length} is over {@code quarkus.http.limits.max-body-size} with an
 * empty 413 before any endpoint sees it. This answers it just before, in the contract's error shape and naming the
 * limit, then closes the connection as Quarkus does, rather than read a body nobody wants. A body sent without a
 * length (chunked) is still cut off by Quarkus once it grows over the limit.
 */
@ApplicationScoped
public class BodySizeLimit {

    static final int PAYLOAD_TOO_LARGE = 413;
    /** Route order -3: right before Quarkus' own check (order -2), after the rate limit. */
    static final int PRIORITY = 3;

    private final BodyLimitConfig config;
    private final Optional<MemorySize> maxBodySize;
    private final ObjectMapper mapper;

    BodySizeLimit(BodyLimitConfig config,
                  @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
                  ObjectMapper mapper) {
        this.config = config;
        this.maxBodySize = maxBodySize;
        this.mapper = mapper;
    }

    void install(@Observes Filters filters) {
        if (config.enabled() && maxBodySize.isPresent()) {
            long limit = maxBodySize.get().asLongValue();
            String body = body(limit);
            filters.register(routing -> check(routing, limit, body), PRIORITY);
        }
    }

    private static void check(RoutingContext routing, long limit, String body) {
        if (!isOver(routing.request().getHeader(HttpHeaders.CONTENT_LENGTH), limit)) {
            routing.next();
            return;
        }
        routing.response().putHeader(HttpHeaders.CONNECTION, "close");
        routing.addEndHandler(ended -> routing.request().connection().close());
        routing.response().setStatusCode(PAYLOAD_TOO_LARGE)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body);
    }

    static boolean isOver(String contentLength, long limit) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // not a length: the HTTP server refuses the request itself
        }
    }

    static FieldError error(long limit) {
        return new FieldError(FieldError.BODY, "is over the limit of " + limit + " bytes");
    }

    private String body(long limit) {
        try {
            return mapper.writeValueAsString(new ErrorResponse(List.of(error(limit))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
