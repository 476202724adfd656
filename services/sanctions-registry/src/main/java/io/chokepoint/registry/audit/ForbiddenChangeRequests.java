package io.chokepoint.registry.audit;

import io.chokepoint.platform.security.AccessRefused;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * Records an attempt to change the lists that authorization refused for the caller's roles (403, an officer delisting
 * an entity) as a change request with outcome {@link ChangeOutcome#FORBIDDEN}: such a request never reaches an
 * endpoint, and {@link ChangeRequests} starts a record on arrival only for a caller who may change the lists. A 403 on
 * a route that changes no list (reading entities, screening) is no list change and is not recorded; a 401 is not
 * announced by the platform at all (there is nobody to name).
 * <p>
 * The platform announces the refusal in the request, before the 403 leaves, and catches what an observer throws; a
 * failure to write is logged here all the same ({@link ChangeRequestLog#forbidden}), never thrown.
 */
@ApplicationScoped
public class ForbiddenChangeRequests {

    private static final Logger LOG = Logger.getLogger(ForbiddenChangeRequests.class);
    /** The record's message: what the answer said, without naming the roles that would have been admitted. */
    static final String MESSAGE = "refused: the caller's roles may not change the lists";

    @Inject
    ChangeRequestLog log;
    @Inject
    CurrentVertxRequest currentRequest;
    @Inject
    Vertx vertx;

    void refused(@Observes AccessRefused refusal) {
        RoutingContext routing = routing(refusal);
        Optional<ChangeRoutes.Target> target = ChangeRoutes.classify(refusal.method(),
                routing == null ? refusal.path() : routing.normalizedPath());
        if (target.isEmpty()) {
            return;
        }
        // Started on arrival (a caller who may change the lists): that record, under its id, is the one written, so
        // that the answer's own recording finds it written and the request is recorded once.
        ChangeRequest started = ChangeRequests.of(routing);
        ChangeRequest request = started != null ? started
                : new ChangeRequest(target.get().action(), target.get().entityId(), refusal.principal(),
                refusal.remoteAddress(), Instant.now());
        if (started == null) {
            request.subject(refusal.subject());
        }
        request.answer(MESSAGE, null);
        if (BlockingOperationControl.isBlockingAllowed()) {
            log.forbidden(request);
            return;
        }
        // Refused on the event loop: written right after, off it, as ChangeRequests does for its early refusals.
        vertx.executeBlocking(() -> {
            log.forbidden(request);
            return null;
        }, false).onFailure(e -> LOG.errorf(e, "Could not record forbidden list change request %s", request.id()));
    }

    /** The refused request's routing context, when the observer runs in it (the platform fires in the request). */
    private RoutingContext routing(AccessRefused refusal) {
        try {
            RoutingContext routing = currentRequest.getCurrent();
            return routing != null && refusal.path().equals(routing.request().path()) ? routing : null;
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
