package io.chokepoint.registry.audit;

import io.chokepoint.platform.web.ErrorResponse;
import io.chokepoint.registry.web.RequestBodyLimit;
import io.chokepoint.registry.web.RequestContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Starts a {@link ChangeRequest} for every request that changes the lists, as it arrives, and makes sure a refused
 * one is recorded. The endpoints find theirs with {@link #current()}. A refusal answered by an endpoint or an
 * exception mapper is recorded before the answer leaves ({@link ChangeRequestAnswers}); one answered before any
 * endpoint was reached (a body announced over {@code quarkus.http.limits.max-body-size}, a content type no endpoint
 * takes) right after it, off the event loop.
 */
@ApplicationScoped
public class ChangeRequests {

    private static final Logger LOG = Logger.getLogger(ChangeRequests.class);
    private static final String KEY = ChangeRequest.class.getName();

    @Inject
    RequestContext context;
    @Inject
    ChangeRequestLog log;
    @Inject
    CurrentVertxRequest currentRequest;
    @Inject
    Vertx vertx;

    /**
     * Among the very first routes: before the body size checks ({@code web.RequestBodyLimit}, Quarkus's own), which
     * answer without any endpoint seeing the request.
     */
    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER - 1).handler(this::arrived);
    }

    private void arrived(RoutingContext routing) {
        ChangeRoutes.classify(routing.request().method().name(), routing.normalizedPath())
                .ifPresent(target -> start(routing, target));
        routing.next();
    }

    /** The change request of the request being served; started now if the route was not recognised on arrival. */
    public ChangeRequest current() {
        RoutingContext routing = currentRequest.getCurrent();
        ChangeRequest request = of(routing);
        if (request != null) {
            return request;
        }
        ChangeRoutes.Target target = ChangeRoutes.classify(routing.request().method().name(), routing.normalizedPath())
                .orElseThrow(() -> new IllegalStateException("not a list change: " + routing.request().method()
                        + " " + routing.normalizedPath()));
        return start(routing, target);
    }

    /** The change request of a request, or null if it changes no list. */
    static ChangeRequest of(RoutingContext routing) {
        return routing == null ? null : routing.get(KEY);
    }

    private ChangeRequest start(RoutingContext routing, ChangeRoutes.Target target) {
        ChangeRequest request = new ChangeRequest(target.action(), target.entityId(),
                context.recordedActor(routing.request().getHeader(RequestContext.ACTOR_HEADER)),
                address(routing), Instant.now());
        routing.put(KEY, request);
        routing.addEndHandler(ended -> answered(routing, request));
        return request;
    }

    /**
     * Where the request comes from as the HTTP server sees it: the connecting peer, or the client named by the
     * Forwarded / X-Forwarded-For headers only when {@code quarkus.http.proxy.proxy-address-forwarding} (and, for
     * X-Forwarded-For, {@code allow-x-forwarded}) is on.
     */
    private static String address(RoutingContext routing) {
        SocketAddress remote = routing.request().remoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.hostAddress() != null ? remote.hostAddress() : remote.host();
    }

    private void answered(RoutingContext routing, ChangeRequest request) {
        int status = routing.response().getStatusCode();
        if (status < 400 || request.refusalRecorded()) {
            return;
        }
        if (routing.get(RequestBodyLimit.ANSWER) instanceof ErrorResponse answer) {
            request.answer(null, answer.errors());
        } else if (request.answerMessage() == null && request.answerProblems() == null) {
            request.answerBare(status, routing.response().getStatusMessage());
        }
        vertx.executeBlocking(() -> {
            log.refused(request, status);
            return null;
        }, false).onFailure(e -> LOG.errorf(e, "Could not record list change request %s", request.id()));
    }
}
