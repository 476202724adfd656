package io.chokepoint.alerting.audit;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's address as the HTTP server knows it: the peer of the connection. Quarkus replaces it with the first
 * {@code X-Forwarded-For} (or {@code Forwarded}) address only when {@code quarkus.http.proxy.proxy-address-forwarding}
 * is on, which is right only behind a proxy that sets the header itself; otherwise any client could name any
 * address.
 */
public final class RemoteAddress {

    static final String UNKNOWN = "unknown";

    private RemoteAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress address = request == null ? null : request.remoteAddress();
        if (address == null) {
            return UNKNOWN;
        }
        String host = address.hostAddress() != null ? address.hostAddress() : address.host();
        return host == null || host.isBlank() ? UNKNOWN : host;
    }
}
