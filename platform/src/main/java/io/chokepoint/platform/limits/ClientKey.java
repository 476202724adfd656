package io.chokepoint.platform.limits;

import io.vertx.ext.web.RoutingContext;

/**
 * Who a request counts against. The platform's own is the remote address ({@link RemoteAddressKey}); a service, or
 * the platform once requests are authenticated, replaces it with a bean of its own (the principal's name, say).
 * Called on the event loop for every request to the API: it must not block.
 */
public interface ClientKey {

    String of(RoutingContext routing);
}
