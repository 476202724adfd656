package io.chokepoint.platform.limits;

import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a refused request is told, and who a request counts against. */
class RateLimitAnswerTest {

    @Test
    void retryAfterIsTheWaitInWholeSecondsRoundedUpAndNeverZero() {
        assertEquals(1, RateLimitFilter.retryAfterSeconds(1));
        assertEquals(1, RateLimitFilter.retryAfterSeconds(Duration.ofMillis(20).toNanos()));
        assertEquals(1, RateLimitFilter.retryAfterSeconds(Duration.ofSeconds(1).toNanos()));
        assertEquals(2, RateLimitFilter.retryAfterSeconds(Duration.ofMillis(1001).toNanos()));
        assertEquals(1000, RateLimitFilter.retryAfterSeconds(Duration.ofSeconds(1000).toNanos()));
    }

    @Test
    void theMessageNamesTheLimitAndTheWait() {
        PathLimits.Limit limit = new PathLimits.Limit("/api", new ClientBuckets(new Rate(50, 200), 10, new FakeClock()));
        assertEquals("Too many requests: the limit on /api is 50 requests per second, bursts of 200 per client;"
                + " retry after 3 s", RateLimitFilter.message(limit, 3));
    }

    @Test
    void aClientIsItsRemoteAddress() {
        assertEquals("203.0.113.7", RemoteAddressKey.keyOf(SocketAddress.inetSocketAddress(41234, "203.0.113.7")));
        assertEquals("203.0.113.7", RemoteAddressKey.keyOf(SocketAddress.inetSocketAddress(50000, "203.0.113.7")),
                "the port is not part of the key: each connection would be a new client");
        assertEquals("2001:db8:0:0:0:0:0:1",
                RemoteAddressKey.keyOf(SocketAddress.inetSocketAddress(41234, "2001:db8::1")));
        assertEquals("/run/chokepoint.sock", RemoteAddressKey.keyOf(SocketAddress.domainSocketAddress("/run/chokepoint.sock")));
        assertEquals(RemoteAddressKey.UNKNOWN, RemoteAddressKey.keyOf(null));
    }

    @Test
    void aBodyIsOverTheLimitOnlyByItsAnnouncedLength() {
        assertTrue(BodySizeLimit.isOver("1025", 1024));
        assertTrue(BodySizeLimit.isOver(" 99999999999 ", 1024));
        assertFalse(BodySizeLimit.isOver("1024", 1024));
        assertFalse(BodySizeLimit.isOver(null, 1024));
        assertFalse(BodySizeLimit.isOver("lots", 1024));
        assertEquals("is over the limit of 1024 bytes", BodySizeLimit.error(1024).message());
        assertEquals("body", BodySizeLimit.error(1024).field());
    }
}
