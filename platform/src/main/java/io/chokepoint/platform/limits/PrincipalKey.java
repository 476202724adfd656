package io.chokepoint.platform.limits;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A client is the authenticated principal when the request carries a valid token, so that callers behind one proxy
 * or NAT address each have their own limit and one principal cannot escape its limit by changing address; an
 * anonymous request (refused later, but counted first) counts against its remote address ({@link RemoteAddressKey}).
 * Authentication is proactive and runs before the rate limit, so the identity is known without blocking.
 */
@DefaultBean
@ApplicationScoped
public class PrincipalKey implements ClientKey {

    @Override
    public String of(RoutingContext routing) {
        if (routing.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (!identity.isAnonymous()) {
                return "principal:" + identity.getPrincipal().getName();
            }
        }
        return "address:" + RemoteAddressKey.keyOf(routing.request().remoteAddress());
    }
}
