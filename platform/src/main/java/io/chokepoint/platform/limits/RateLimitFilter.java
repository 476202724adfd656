package io.chokepoint.platform.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.platform.web.MessageResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Counts each request to the REST API against its client's limit ({@link PathLimits}, keyed by {@link ClientKey})
 * and refuses one over it with 429, a {@code Retry-After} in whole seconds and a {@code {"message"}} naming the limit.
 * It is a route filter: it runs on the event loop before any endpoint, before the body is read (a refused request's
 * body is never read), after authentication so that an authenticated principal can be the key.
 */
@ApplicationScoped
public class RateLimitFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    static final String RATE_LIMITED = "chokepoint.http.requests.rate.limited";
    static final int TOO_MANY_REQUESTS = 429;
    /**
     * Route filters run by descending priority: after authentication (200) and form login (150), before
     * authorization (100) and long before Quarkus reads or limits the body (route order -2, priority 2).
     */
    static final int PRIORITY = 120;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final RateLimitConfig config;
    private final ClientKey clientKey;
    private final MeterRegistry registry;
    private final ObjectMapper mapper;

    RateLimitFilter(RateLimitConfig config, ClientKey clientKey, MeterRegistry registry, ObjectMapper mapper) {
        this.config = config;
        this.clientKey = clientKey;
        this.registry = registry;
        this.mapper = mapper;
    }

    void install(@Observes Filters filters) {
        if (!config.enabled()) {
            return;
        }
        PathLimits limits = PathLimits.from(config, System::nanoTime);
        Counter refused = Counter.builder(RATE_LIMITED)
                .description("Requests to the REST API refused with 429 because their client was over its rate limit")
                .register(registry);
        filters.register(routing -> guard(routing, limits, refused), PRIORITY);
        LOG.infof("Rate limit on %s: %s per client", PathLimits.API,
                limits.limitOf(PathLimits.API).map(limit -> limit.buckets().rate().describe()).orElseThrow());
    }

    private void guard(RoutingContext routing, PathLimits limits, Counter refused) {
        Optional<PathLimits.Limit> limit = limits.limitOf(routing.normalizedPath());
        if (limit.isEmpty()) {
            routing.next();
            return;
        }
        long wait = limit.get().buckets().acquire(clientKey.of(routing));
        if (wait == 0) {
            routing.next();
            return;
        }
        refused.increment();
        long retryAfter = retryAfterSeconds(wait);
        if (announcesBody(routing.request())) {
            closeAfterAnswer(routing);
        }
        routing.response().setStatusCode(TOO_MANY_REQUESTS)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body(message(limit.get(), retryAfter)));
    }

    private static boolean announcesBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || length != null && !"0".equals(length.trim());
    }

    /**
     * The body of a refused request is left unread, so an HTTP/1 connection cannot carry a next request after it: it
     * is closed once the answer is sent, as Quarkus does for a body over the size limit. HTTP/2 streams are apart.
     */
    private static void closeAfterAnswer(RoutingContext routing) {
        if (routing.request().version() == HttpVersion.HTTP_2) {
            return;
        }
        routing.response().putHeader(HttpHeaders.CONNECTION, "close");
        routing.addEndHandler(ended -> routing.request().connection().close());
    }

    /** {@code Retry-After} takes whole seconds: the wait rounded up, and never 0, which would invite a retry at once. */
    public static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, (waitNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }

    static String message(PathLimits.Limit limit, long retryAfter) {
        return "Too many requests: the limit on " + limit.prefix() + " is " + limit.buckets().rate().describe()
                + " per client; retry after " + retryAfter + " s";
    }

    private String body(String message) {
        try {
            return mapper.writeValueAsString(new MessageResponse(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
