package io.chokepoint.platform.security;

import io.chokepoint.platform.web.MessageResponse;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers a caller whose roles an endpoint does not admit with 403 {@code {"message"}}, without naming the roles it
 * would take, and announces the refusal ({@link AccessRefused}) to the service's auditors.
 */
public class AccessRefusals {

    private static final Logger LOG = Logger.getLogger(AccessRefusals.class);
    static final String MESSAGE = "Forbidden: this operation is not open to the caller's roles";

    @Inject
    Event<AccessRefused> refusals;
    @Inject
    SecurityIdentity identity;
    @Inject
    Caller caller;

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        if (!identity.isAnonymous()) {
            announce(request);
        }
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new MessageResponse(MESSAGE)).build();
    }

    private void announce(HttpServerRequest request) {
        String principal = caller.name();
        String subject = identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        try {
            refusals.fire(new AccessRefused(request.method().name(), request.path(), principal, subject, address));
        } catch (RuntimeException failure) {
            // an auditor's failure must not turn the refusal into a 500
            LOG.errorf(failure, "Could not record the refusal of %s %s to %s", request.method(), request.path(), principal);
        }
    }
}
