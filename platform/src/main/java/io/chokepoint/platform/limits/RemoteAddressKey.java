package io.chokepoint.platform.limits;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * An anonymous client (see {@link PrincipalKey}) is its remote address: the peer's, or, with
 * {@code quarkus.http.proxy.proxy-address-forwarding} on, the one the trusted proxy names in {@code Forwarded} / {@code X-Forwarded-For} (the HTTP server applies those headers
 * to the request itself; they are never read here, so a client cannot choose its key by sending them).
 */
public class RemoteAddressKey implements ClientKey {

    static final String UNKNOWN = "unknown";

    @Override
    public String of(RoutingContext routing) {
        return keyOf(routing.request().remoteAddress());
    }

    static String keyOf(SocketAddress address) {
        if (address == null) {
            return UNKNOWN;
        }
        String host = address.hostAddress();
        if (host != null && !host.isEmpty()) {
            return host;
        }
        return address.path() != null ? address.path() : UNKNOWN;
    }
}
