package io.chokepoint.registry.audit;

import io.chokepoint.platform.security.Roles;
import io.chokepoint.platform.web.ErrorResponse;
import io.chokepoint.registry.web.RequestBodyLimit;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * Starts a {@link ChangeRequest} for every request that changes the lists, as it arrives, and makes sure a refused
 * one is recorded. The endpoints find theirs with {@link #current()}. A refusal answered by an endpoint or an
 * exception mapper is recorded before the answer leaves ({@link ChangeRequestAnswers}); one answered before any
 * endpoint was reached (a body announced over {@code quarkus.http.limits.max-body-size}, a content type no endpoint
 * takes) right after it, off the event loop.
 * <p>
 * Who asks is the verified token's principal ({@code Caller.name()}: upn, else preferred_username, else sub), never a
 * header. Only a caller who may change the lists ({@value Roles#REGISTRY_ADMIN}, as the endpoints admit) makes a change
 * request here: a request without a valid token (401) names nobody and is not recorded; one of another role is
 * refused by authorization (403) and changes no list, and is recorded once, as FORBIDDEN, by
 * {@link ForbiddenChangeRequests} when the platform announces the refusal, not here.
 */
@ApplicationScoped
public class ChangeRequests {

    private static final Logger LOG = Logger.getLogger(ChangeRequests.class);
    private static final String KEY = ChangeRequest.class.getName();

    /** Longest actor and subject the audit tables hold; a longer principal is recorded cut to it. */
    private static final int MAX_ACTOR_LENGTH = 200;

    @Inject
    ChangeRequestLog log;
    /** The current request's identity, for an endpoint thread; the routes read theirs from the routing context. */
    @Inject
    SecurityIdentity caller;
    @Inject
    CurrentVertxRequest currentRequest;
    @Inject
    Vertx vertx;

    /**
     * After authentication (proactive, a filter of priority 200, so order -200), which tells who asks, and before
     * the body size checks ({@code web.RequestBodyLimit}, then Quarkus's own), which answer without any endpoint
     * seeing the request.
     */
    void install(@Observes Router router) {
        router.route().order(RequestBodyLimit.ORDER - 1).handler(this::arrived);
    }

    private void arrived(RoutingContext routing) {
        Optional<ChangeRoutes.Target> target =
                ChangeRoutes.classify(routing.request().method().name(), routing.normalizedPath());
        if (target.isPresent()) {
            listKeeper(routing).ifPresent(identity -> start(routing, target.get(), identity));
        }
        routing.next();
    }

    /** The caller's identity if it may change the lists; authorization refuses the request otherwise. */
    private static Optional<SecurityIdentity> listKeeper(RoutingContext routing) {
        if (routing.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (!identity.isAnonymous() && identity.hasRole(Roles.REGISTRY_ADMIN)) {
                return Optional.of(identity);
            }
        }
        return Optional.empty();
    }

    /**
     * The change request of the request being served; started now if it was not on arrival (the route not
     * recognised then, or authentication deferred to the endpoint), for the caller the endpoint admitted.
     */
    public ChangeRequest current() {
        RoutingContext routing = currentRequest.getCurrent();
        ChangeRequest request = of(routing);
        if (request != null) {
            return request;
        }
        ChangeRoutes.Target target = ChangeRoutes.classify(routing.request().method().name(), routing.normalizedPath())
                .orElseThrow(() -> new IllegalStateException("not a list change: " + routing.request().method()
                        + " " + routing.normalizedPath()));
        return start(routing, target, caller);
    }

    /** The change request of a request, or null if it changes no list. */
    static ChangeRequest of(RoutingContext routing) {
        return routing == null ? null : routing.get(KEY);
    }

    private ChangeRequest start(RoutingContext routing, ChangeRoutes.Target target, SecurityIdentity identity) {
        ChangeRequest request = new ChangeRequest(target.action(), target.entityId(),
                fit(identity.getPrincipal().getName()), address(routing), Instant.now());
        request.subject(fit(subject(identity)));
        routing.put(KEY, request);
        routing.addEndHandler(ended -> answered(routing, request));
        return request;
    }

    /**
     * The token's {@code sub} claim: the identity provider's stable id of the caller, which the principal's readable
     * name (upn, preferred_username) may not be.
     */
    private static String subject(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
    }

    /**
     * The same cut everywhere the actor goes (change request, entity changes, list version): an identity provider's
     * name over the column is recorded by its first characters rather than refusing the change.
     */
    private static String fit(String name) {
        return name == null || name.length() <= MAX_ACTOR_LENGTH ? name : name.substring(0, MAX_ACTOR_LENGTH);
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
