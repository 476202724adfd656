package io.chokepoint.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A W3C {@code traceparent}: version 00, a trace id, a span id and the flags. */
public record Traceparent(String traceId, String spanId, String flags) {

    /** A sampled context with fresh ids, as a caller that traces would send. */
    public static Traceparent random() {
        return new Traceparent(hex(16), hex(8), "01");
    }

    /** Reads a header, failing the test if it is missing or not of version 00. */
    public static Traceparent parse(String header) {
        assertNotNull(header, "a traceparent");
        String[] parts = header.split("-");
        assertEquals(4, parts.length, header);
        assertEquals("00", parts[0], header);
        assertEquals(32, parts[1].length(), header);
        assertEquals(16, parts[2].length(), header);
        return new Traceparent(parts[1], parts[2], parts[3]);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }
}
