package io.chokepoint.platform.limits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The limits of the REST API by path: the default one for {@code /api} and below, and each configured prefix's own.
 * Paths outside {@code /api} (health, metrics, API docs under {@code /q}) have none.
 */
public final class PathLimits {

    /** Where the contract's REST API lives. */
    public static final String API = "/api";

    /** The buckets of the requests under one path prefix. */
    public record Limit(String prefix, ClientBuckets buckets) {

        boolean covers(String path) {
            return path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
        }
    }

    private final List<Limit> longestFirst;

    private PathLimits(List<Limit> limits) {
        this.longestFirst = limits.stream()
                .sorted(Comparator.comparingInt((Limit limit) -> limit.prefix().length()).reversed())
                .toList();
    }

    /** Reads the configuration; a prefix outside {@code /api}, or named twice, stops the service. */
    public static PathLimits from(RateLimitConfig config, LongSupplier nanoClock) {
        List<Limit> limits = new ArrayList<>();
        limits.add(new Limit(API, new ClientBuckets(new Rate(config.requestsPerSecond(), config.burst()),
                config.maxClients(), nanoClock)));
        Set<String> prefixes = new HashSet<>(Set.of(API));
        for (Map.Entry<String, RateLimitConfig.PathLimit> entry : config.paths().entrySet()) {
            String prefix = prefixOf(entry.getKey());
            if (!prefixes.add(prefix)) {
                throw new IllegalArgumentException("chokepoint.rate-limit.paths names " + prefix + " twice");
            }
            RateLimitConfig.PathLimit limit = entry.getValue();
            limits.add(new Limit(prefix, new ClientBuckets(new Rate(limit.requestsPerSecond(), limit.burst()),
                    config.maxClients(), nanoClock)));
        }
        return new PathLimits(limits);
    }

    /** The limit a request to this path (normalized, without query) counts against; none outside {@code /api}. */
    public Optional<Limit> limitOf(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (Limit limit : longestFirst) {
            if (limit.covers(path)) {
                return Optional.of(limit);
            }
        }
        return Optional.empty();
    }

    private static String prefixOf(String configured) {
        String prefix = configured.strip();
        while (prefix.length() > 1 && prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (!prefix.startsWith(API + "/")) {
            throw new IllegalArgumentException("chokepoint.rate-limit.paths: \"" + configured
                    + "\" is not a path under " + API + "/; only the REST API is limited");
        }
        return prefix;
    }
}
