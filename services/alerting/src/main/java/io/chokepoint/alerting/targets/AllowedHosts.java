package io.chokepoint.alerting.targets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The hosts a webhook may reach although they are not public, as configured: {@code host} (any port) or
 * {@code host:port}, IPv6 literals as {@code ::1}, {@code [::1]} or {@code [::1]:8080}. A URL's host is compared as
 * written, without regard to case, never by the address it resolves to: allowing a name says nothing about other
 * names that happen to resolve to the same address, and allowing {@code 127.0.0.1} does not allow
 * {@code 2130706433}, {@code [::ffff:127.0.0.1]} or {@code localhost}.
 */
final class AllowedHosts {

    private record Entry(String host, Integer port) {

        boolean matches(String wantedHost, int wantedPort) {
            return host.equals(wantedHost) && (port == null || port == wantedPort);
        }
    }

    private final List<Entry> entries;

    private AllowedHosts(List<Entry> entries) {
        this.entries = entries;
    }

    /** The entries, checked; a malformed one stops the start with its value and what is wrong. */
    static AllowedHosts parse(Collection<String> values) {
        List<Entry> entries = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                entries.add(entry(value.trim()));
            }
        }
        return new AllowedHosts(List.copyOf(entries));
    }

    /** @param host as {@link java.net.URI#getHost()} gives it (IPv6 literals in brackets) */
    boolean allows(String host, int port) {
        String wanted = normalise(host);
        return entries.stream().anyMatch(entry -> entry.matches(wanted, port));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    static String normalise(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.toLowerCase(Locale.ROOT);
    }

    private static Entry entry(String value) {
        if (value.contains("/") || value.contains("@")) {
            throw invalid(value, "must be a host or host:port, not a URL");
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw invalid(value, "an IPv6 literal in brackets needs its closing bracket");
            }
            String rest = value.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw invalid(value, "only :port may follow the closing bracket");
            }
            Integer port = rest.isEmpty() ? null : port(value, rest.substring(1));
            return named(value, value.substring(0, close + 1), port);
        }
        int colons = (int) value.chars().filter(c -> c == ':').count();
        if (colons == 1) {
            int at = value.indexOf(':');
            return named(value, value.substring(0, at), port(value, value.substring(at + 1)));
        }
        return named(value, value, null);
    }

    private static Entry named(String value, String host, Integer port) {
        String normalised = normalise(host);
        if (normalised.isBlank()) {
            throw invalid(value, "names no host");
        }
        return new Entry(normalised, port);
    }

    private static int port(String value, String port) {
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(value, "the port must be a number from 1 to 65535");
    }

    private static IllegalArgumentException invalid(String value, String problem) {
        return new IllegalArgumentException(WebhookTargets.ALLOWED_HOSTS_KEY + " entry '" + value + "': " + problem);
    }
}
