package io.chokepoint.platform.limits;

import io.vertx.ext.web.RoutingContext;

/**
 * Who a request counts against. The platform's own is the authenticated principal, else the remote address
 * ({@link PrincipalKey}); a service may replace it with a bean of its own.
 * Called on the event loop for every request to the API: it must not block.
 */
public interface ClientKey {

    String of(RoutingContext routing);
}
