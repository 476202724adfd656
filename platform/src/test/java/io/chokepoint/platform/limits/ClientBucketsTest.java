package io.chokepoint.platform.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientBucketsTest {

    private final FakeClock clock = new FakeClock();

    private static void spend(ClientBuckets buckets, String client, int requests) {
        for (int i = 0; i < requests; i++) {
            assertEquals(0, buckets.acquire(client), client + " request " + i);
        }
    }

    @Test
    void eachClientHasItsOwnBucket() {
        ClientBuckets buckets = new ClientBuckets(new Rate(1, 3), 100, clock);
        spend(buckets, "203.0.113.7", 3);
        assertTrue(buckets.acquire("203.0.113.7") > 0);
        spend(buckets, "198.51.100.23", 3);
        assertTrue(buckets.acquire("198.51.100.23") > 0);
        assertEquals(2, buckets.tracked());
    }

    @Test
    void aFullTableForgetsTheClientsBackAtTheirFullBurstFirst() {
        ClientBuckets buckets = new ClientBuckets(new Rate(1, 2), 3, clock);
        spend(buckets, "quiet-1", 1);
        spend(buckets, "quiet-2", 1);
        clock.advance(Duration.ofSeconds(5));
        spend(buckets, "busy", 2);
        assertTrue(buckets.acquire("busy") > 0);

        spend(buckets, "newcomer", 1);

        assertEquals(2, buckets.tracked(), "the two quiet clients were forgotten");
        assertTrue(buckets.acquire("busy") > 0, "the busy client was kept with its spent bucket");
    }

    @Test
    void aCrowdOfBusyClientsStaysWithinTheBoundLeastRecentlySeenForgottenFirst() {
        ClientBuckets buckets = new ClientBuckets(new Rate(0.001, 1), 10, clock);
        for (int i = 0; i < 10; i++) {
            spend(buckets, "client-" + i, 1);
            clock.advance(Duration.ofMillis(1));
        }
        spend(buckets, "client-10", 1);

        assertTrue(buckets.tracked() <= 10, "tracked " + buckets.tracked());
        assertEquals(0, buckets.acquire("client-0"), "the least recently seen was forgotten: a full bucket again");
        assertTrue(buckets.acquire("client-9") > 0, "the most recently seen is still tracked");

        for (int i = 11; i < 1000; i++) {
            spend(buckets, "client-" + i, 1);
        }
        assertTrue(buckets.tracked() <= 10, "tracked " + buckets.tracked());
    }

    @Test
    void concurrentRequestsOfOneClientSpendExactlyItsBurst() throws Exception {
        ClientBuckets buckets = new ClientBuckets(new Rate(0.001, 500), 100, clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> requests = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                requests.add(() -> buckets.acquire("203.0.113.7"));
            }
            long allowed = 0;
            for (Future<Long> answer : pool.invokeAll(requests)) {
                allowed += answer.get() == 0 ? 1 : 0;
            }
            assertEquals(500, allowed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void atLeastOneClientMustBeTracked() {
        assertThrows(IllegalArgumentException.class, () -> new ClientBuckets(new Rate(1, 1), 0, clock));
    }
}
