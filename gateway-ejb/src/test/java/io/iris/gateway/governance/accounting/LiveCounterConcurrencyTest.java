package io.iris.gateway.governance.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.governance.ResetPeriod;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

class LiveCounterConcurrencyTest {
    private static final int THREADS = 100;
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    private final InMemoryCounterStore store = new InMemoryCounterStore(Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private interface Attempt {
        boolean run();
    }

    /** Runs {@code attempt} on every thread at once (a start gate) and counts the admissions. */
    private int race(Attempt attempt) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            results.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                return attempt.run();
            }));
        }
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        start.countDown();
        int admitted = 0;
        for (Future<Boolean> result : results) {
            admitted += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        return admitted;
    }

    @RepeatedTest(5)
    void admit_requestLimitFiveHundredThreads_admitsExactlyFive() throws Exception {
        CounterKey key = CounterKey.requests(UUID.randomUUID());
        store.sync(List.of(new CounterSpec(key, 5, ResetPeriod.parse("1m").orElseThrow(), false, 0, NOW)));
        int admitted = race(() -> {
            CounterStore.Admission admission = store.admit(List.of(new CounterStore.Claim(key, 1)), NOW);
            if (admission.admitted()) {
                admission.reservation().settle(Map.of(key, 1L), NOW);
            }
            return admission.admitted();
        });
        assertEquals(5, admitted);
        assertEquals(5, store.counter(key).orElseThrow().used(NOW));
    }

    @RepeatedTest(5)
    void admit_budgetForFiveEstimatesHundredThreads_atMostFiveAndSpendWithinOneRequest() throws Exception {
        long estimate = 2_000_000;
        long limit = 5 * estimate;
        CounterKey key = CounterKey.budget(UUID.randomUUID());
        store.sync(List.of(new CounterSpec(key, limit, ResetPeriod.parse("1d").orElseThrow(), true, 0, NOW)));
        int admitted = race(() -> {
            CounterStore.Admission admission = store.admit(List.of(new CounterStore.Claim(key, estimate)), NOW);
            if (admission.admitted()) {
                // Actual cost above the estimate: the worst case for overspending.
                admission.reservation().settle(Map.of(key, estimate + estimate / 5), NOW);
            }
            return admission.admitted();
        });
        LiveCounter counter = store.counter(key).orElseThrow();
        assertTrue(admitted >= 1 && admitted <= 5, "admitted " + admitted);
        assertTrue(counter.used(NOW) <= limit + estimate + estimate / 5, "spent " + counter.used(NOW));
        assertEquals(0, counter.reserved(NOW));
    }
}
