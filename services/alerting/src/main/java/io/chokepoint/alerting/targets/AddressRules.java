package io.chokepoint.alerting.targets;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which addresses a webhook may not be sent to: anything that reaches the service's own machine or network
 * rather than the internet (loopback, private, link-local with the cloud metadata endpoint at 169.254.169.254,
 * carrier-grade NAT, unspecified, multicast, broadcast and reserved ranges). An IPv6 address that carries an IPv4
 * address (mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4
 * {@code 2002::/16}) is judged by that IPv4 address, since that is where it leads.
 */
public final class AddressRules {

    private AddressRules() {
    }

    /** What kind of forbidden address it is ("a loopback address"), or empty when a webhook may go there. */
    public static Optional<String> forbiddenKind(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return ipv6(bytes);
        }
        return Optional.of("an address of an unknown family");
    }

    private static Optional<String> ipv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of("an unspecified address");
        }
        if (first == 127) {
            return Optional.of("a loopback address");
        }
        if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)) {
            return Optional.of("a private address");
        }
        if (first == 169 && second == 254) {
            return Optional.of("a link-local address");
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("a carrier-grade NAT address");
        }
        if (first >= 224 && first <= 239) {
            return Optional.of("a multicast address");
        }
        if (first >= 240) {
            return Optional.of("a reserved or broadcast address");
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("a reserved address");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] b) {
        if (isZero(b, 0, 16)) {
            return Optional.of("an unspecified address");
        }
        if (isZero(b, 0, 15) && b[15] == 1) {
            return Optional.of("a loopback address");
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        if (isZero(b, 0, 10) && (mapped || isZero(b, 10, 12))) {
            return ipv4(Arrays.copyOfRange(b, 12, 16));
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 12)) {
            return ipv4(Arrays.copyOfRange(b, 12, 16));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return ipv4(Arrays.copyOfRange(b, 2, 6));
        }
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("a private (unique local) address");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Optional.of("a link-local address");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("a private (site-local) address");
        }
        if (first == 0xff) {
            return Optional.of("a multicast address");
        }
        return Optional.empty();
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
