package io.chokepoint.local.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of produced-to-alert latencies, nearest rank, in milliseconds. */
record Latencies(int count, long p50, long p90, long p99, long max) {

    static Latencies of(List<Long> millis) {
        if (millis.isEmpty()) {
            return new Latencies(0, 0, 0, 0, 0);
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Latencies(sorted.size(), rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    private static long rank(List<Long> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
