package io.chokepoint.platform.limits;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The token buckets of one limit, one per client key, in bounded memory. A client's first request finds its bucket
 * full. When {@code maxClients} are tracked, room is made for a new one: first by forgetting the buckets that are
 * full again (a quiet client loses nothing), then, if the clients are that many and that busy, by forgetting the
 * least recently seen down to nine tenths of the maximum, so that room is made rarely. A forgotten busy client
 * starts over with a full burst: the price of a memory bound, paid only by a crowd of more than
 * {@code maxClients} active clients.
 */
public final class ClientBuckets {

    private final Rate rate;
    private final int maxClients;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicBoolean makingRoom = new AtomicBoolean();

    /**
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}; a fake one in tests)
     */
    public ClientBuckets(Rate rate, int maxClients, LongSupplier nanoClock) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("max-clients must be at least 1, not " + maxClients);
        }
        this.rate = rate;
        this.maxClients = maxClients;
        this.nanoClock = nanoClock;
    }

    /** Spends one of the client's tokens: answers 0 when allowed, else the nanoseconds until it may try again. */
    public long acquire(String clientKey) {
        return acquire(clientKey, 1);
    }

    /**
     * Spends {@code count} of the client's tokens at once (the events of a batch): answers 0 when allowed, else
     * the nanoseconds until the bucket holds that many, and spends none.
     *
     * @throws IllegalArgumentException when {@code count} is more than the burst, which no wait would allow
     */
    public long acquire(String clientKey, int count) {
        long now = nanoClock.getAsLong();
        TokenBucket bucket = buckets.get(clientKey);
        if (bucket == null) {
            if (buckets.size() >= maxClients) {
                makeRoom(now);
            }
            bucket = buckets.computeIfAbsent(clientKey, key -> new TokenBucket(rate, now));
        }
        return bucket.take(now, count);
    }

    public Rate rate() {
        return rate;
    }

    /** Clients tracked now. */
    public int tracked() {
        return buckets.size();
    }

    /** One thread makes room at a time; the others go on meanwhile, overshooting by at most their own number. */
    private void makeRoom(long now) {
        if (!makingRoom.compareAndSet(false, true)) {
            return;
        }
        try {
            buckets.entrySet().removeIf(entry -> entry.getValue().isFull(now));
            int keep = maxClients - Math.max(1, maxClients / 10);
            if (buckets.size() > keep) {
                forgetLeastRecentlySeen(buckets.size() - keep);
            }
        } finally {
            makingRoom.set(false);
        }
    }

    private void forgetLeastRecentlySeen(int count) {
        List<Map.Entry<String, Long>> byLastSeen = buckets.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue().updatedAt()))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .limit(count)
                .toList();
        byLastSeen.forEach(entry -> buckets.remove(entry.getKey()));
    }
}
