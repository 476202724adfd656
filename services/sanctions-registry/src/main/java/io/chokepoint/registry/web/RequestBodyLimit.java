package io.chokepoint.registry.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.platform.web.ErrorResponse;
import io.chokepoint.platform.web.FieldError;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * A request whose Content-Length announces a body over {@code quarkus.http.limits.max-body-size} is refused by the
 * HTTP server before any endpoint sees it, with an empty 413; this answers it first, in the shape of every other
 * refusal and naming the limit, then closes the connection as Quarkus does rather than read a body nobody wants.
 * A streamed body without a Content-Length is cut off by Quarkus once it grows over the limit, with its own empty
 * 413: the endpoint is already reading it then.
 */
@ApplicationScoped
public class RequestBodyLimit {

    /** The routing context's key of the {@link ErrorResponse} answered, for the audit of the request. */
    public static final String ANSWER = RequestBodyLimit.class.getName() + ".answer";
    /** Just before Quarkus's own check, which would answer bare. */
    public static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
    private static final int TOO_LARGE = 413;

    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::announced);
    }

    private void announced(RoutingContext routing) {
        String length = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            routing.response().putHeader(HttpHeaders.CONNECTION, "close");
            routing.addEndHandler(ended -> routing.request().connection().close());
            ErrorResponse answer = new ErrorResponse(List.of(new FieldError(FieldError.BODY, "is over the limit of "
                    + maxBodySize.asLongValue() + " bytes (quarkus.http.limits.max-body-size)")));
            routing.put(ANSWER, answer);
            routing.response().setStatusCode(TOO_LARGE)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(json(answer));
            return;
        }
        routing.next();
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false; // not a length: the HTTP server refuses it
        }
    }

    private String json(ErrorResponse answer) {
        try {
            return mapper.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
