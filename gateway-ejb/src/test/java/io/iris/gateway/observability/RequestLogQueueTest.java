package io.iris.gateway.observability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestLogQueueTest {

    @Test
    void offer_beyondCapacity_refusedUntilDrained() {
        RequestLogQueue queue = new RequestLogQueue(2, 100, 1_000);

        assertEquals(1, queue.offer(Records.served()));
        assertEquals(2, queue.offer(Records.served()));
        assertEquals(0, queue.offer(Records.served()), "full");
        queue.drainTo(new ArrayList<>(), 1);
        assertEquals(2, queue.offer(Records.served()));
    }

    @Test
    void drainTo_moreWaitingThanMax_oldestFirstAndAtMostMax() {
        RequestLogQueue queue = new RequestLogQueue(10, 100, 1_000);
        RequestRecord first = Records.served();
        RequestRecord second = Records.served();
        queue.offer(first);
        queue.offer(second);
        queue.offer(Records.served());
        List<RequestRecord> batch = new ArrayList<>();

        assertEquals(2, queue.drainTo(batch, 2));

        assertSame(first, batch.get(0));
        assertSame(second, batch.get(1));
        assertEquals(1, queue.size());
    }

    @Test
    void offer_bodyLongerThanTheLimit_cut() {
        RequestLogQueue queue = new RequestLogQueue(10, 4, 1_000);
        queue.offer(Records.withBody(new byte[] {1, 2, 3, 4, 5, 6}));
        List<RequestRecord> batch = new ArrayList<>();

        queue.drainTo(batch, 10);

        assertArrayEquals(new byte[] {1, 2, 3, 4}, batch.get(0).requestBody().orElseThrow());
    }

    @Test
    void offer_bodiesPastTheBudget_recordKeptWithoutBodyUntilBytesAreFreed() {
        RequestLogQueue queue = new RequestLogQueue(10, 100, 10);
        queue.offer(Records.withBody(new byte[8]));
        queue.offer(Records.withBody(new byte[8]));
        List<RequestRecord> batch = new ArrayList<>();
        queue.drainTo(batch, 10);
        queue.offer(Records.withBody(new byte[8]));
        queue.drainTo(batch, 10);

        assertEquals(8, batch.get(0).requestBody().orElseThrow().length);
        assertTrue(batch.get(1).requestBody().isEmpty(), "over the budget: no body");
        assertEquals(8, batch.get(2).requestBody().orElseThrow().length, "the first body's bytes were freed");
    }

    @Test
    void offer_manyThreadsPastCapacity_exactlyCapacityAccepted() throws InterruptedException {
        RequestLogQueue queue = new RequestLogQueue(1_000, 100, 1_000);
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 4_000; i++) {
            pool.execute(() -> {
                if (queue.offer(Records.served()) > 0) {
                    accepted.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals(1_000, accepted.get());
        assertEquals(1_000, queue.drainTo(new ArrayList<>(), 5_000));
    }
}
