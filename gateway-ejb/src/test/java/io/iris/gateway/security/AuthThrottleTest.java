package io.iris.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthThrottleTest {
    private static final long WINDOW = 60_000;
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AuthThrottle throttle = new AuthThrottle(20, WINDOW, 1_000, now::get);

    private void fail(String key, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(key);
        }
    }

    @Test
    void retryAfterSeconds_neverFailed_zero() {
        assertEquals(0, throttle.retryAfterSeconds("192.0.2.1"));
        assertEquals(0, throttle.size());
    }

    @Test
    void recordFailure_nineteenFailures_stillOpen() {
        fail("192.0.2.1", 19);
        assertEquals(0, throttle.retryAfterSeconds("192.0.2.1"));
    }

    @Test
    void recordFailure_twentiethFailure_blocksUntilTheWindowEnds() {
        fail("192.0.2.1", 19);
        now.addAndGet(10_000);
        assertEquals(AuthThrottle.Outcome.BLOCKED_NOW, throttle.recordFailure("192.0.2.1"));

        assertEquals(50, throttle.retryAfterSeconds("192.0.2.1"), "the window began at the first failure");
        now.addAndGet(49_500);
        assertEquals(1, throttle.retryAfterSeconds("192.0.2.1"), "rounded up, at least 1");
    }

    @Test
    void retryAfterSeconds_windowEnded_openAgainAndCountsFromZero() {
        fail("192.0.2.1", 25);
        now.addAndGet(WINDOW);
        assertEquals(0, throttle.retryAfterSeconds("192.0.2.1"));

        fail("192.0.2.1", 19);
        assertEquals(0, throttle.retryAfterSeconds("192.0.2.1"), "a new window starts empty");
        fail("192.0.2.1", 1);
        assertEquals(60, throttle.retryAfterSeconds("192.0.2.1"));
    }

    @Test
    void recordFailure_failuresSpreadOverTwoWindows_neverBlocks() {
        fail("192.0.2.1", 15);
        now.addAndGet(WINDOW + 1);
        fail("192.0.2.1", 15);
        assertEquals(0, throttle.retryAfterSeconds("192.0.2.1"));
    }

    @Test
    void recordFailure_oneAddressBlocked_othersUnaffected() {
        fail("192.0.2.1", 20);
        fail("192.0.2.2", 19);

        assertTrue(throttle.retryAfterSeconds("192.0.2.1") > 0);
        assertEquals(0, throttle.retryAfterSeconds("192.0.2.2"));
        assertEquals(0, throttle.retryAfterSeconds("192.0.2.3"));
    }

    @Test
    void recordFailure_outcomes_blockedNowExactlyOnce() {
        for (int i = 1; i <= 19; i++) {
            assertEquals(AuthThrottle.Outcome.COUNTED, throttle.recordFailure("192.0.2.1"));
        }
        assertEquals(AuthThrottle.Outcome.BLOCKED_NOW, throttle.recordFailure("192.0.2.1"));
        assertEquals(AuthThrottle.Outcome.COUNTED, throttle.recordFailure("192.0.2.1"));
    }

    @Test
    void firstThrottleReport_sameWindow_trueOnceThenFalse_newWindowTrueAgain() {
        fail("192.0.2.1", 20);
        assertTrue(throttle.firstThrottleReport("192.0.2.1"));
        assertEquals(false, throttle.firstThrottleReport("192.0.2.1"));

        now.addAndGet(WINDOW);
        fail("192.0.2.1", 20);
        assertTrue(throttle.firstThrottleReport("192.0.2.1"));
    }

    @Test
    void recordFailure_tableFullOfLiveWindows_newAddressUntrackedAndSizeBounded() {
        AuthThrottle small = new AuthThrottle(20, WINDOW, 100, now::get);
        for (int i = 0; i < 100; i++) {
            small.recordFailure("198.18.0." + i);
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(AuthThrottle.Outcome.UNTRACKED, small.recordFailure("198.18.1.1"));
        }

        assertEquals(100, small.size());
        assertEquals(0, small.retryAfterSeconds("198.18.1.1"));
        assertEquals(AuthThrottle.Outcome.COUNTED, small.recordFailure("198.18.0.7"), "known addresses still count");
    }

    @Test
    void recordFailure_tableFullOfExpiredWindows_sweptAndNewAddressTracked() {
        AuthThrottle small = new AuthThrottle(20, WINDOW, 100, now::get);
        for (int i = 0; i < 100; i++) {
            small.recordFailure("198.18.0." + i);
        }
        now.addAndGet(WINDOW);

        assertEquals(AuthThrottle.Outcome.COUNTED, small.recordFailure("198.18.1.1"));
        assertEquals(1, small.size());
    }

    @Test
    void recordFailure_floodOfNewAddresses_blockedAddressStaysBlocked() {
        AuthThrottle small = new AuthThrottle(20, WINDOW, 100, now::get);
        for (int i = 0; i < 20; i++) {
            small.recordFailure("192.0.2.1");
        }
        for (int i = 0; i < 10_000; i++) {
            small.recordFailure("198.18." + (i >> 8) + "." + (i & 0xff));
        }

        assertTrue(small.size() <= 100, "size " + small.size());
        assertTrue(small.retryAfterSeconds("192.0.2.1") > 0);
    }

    @Test
    void recordFailure_oldWindowsOfOtherAddresses_sweptOnceAWindow() {
        fail("192.0.2.1", 1);
        fail("192.0.2.2", 1);
        now.addAndGet(WINDOW);

        throttle.recordFailure("192.0.2.3");
        assertEquals(1, throttle.size());
    }

    @Test
    void recordFailure_concurrentFailures_blockedAfterExactlyTheLimit() throws Exception {
        AuthThrottle shared = new AuthThrottle(20, WINDOW, 1_000, now::get);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong blockedNow = new AtomicLong();
        for (int i = 0; i < 40; i++) {
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (shared.recordFailure("192.0.2.1") == AuthThrottle.Outcome.BLOCKED_NOW) {
                    blockedNow.incrementAndGet();
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));

        assertEquals(1, blockedNow.get());
        assertTrue(shared.retryAfterSeconds("192.0.2.1") > 0);
    }

    @Test
    void constructor_nonPositiveLimit_refused() {
        assertThrows(IllegalArgumentException.class, () -> new AuthThrottle(0, WINDOW, 10, now::get));
        assertThrows(IllegalArgumentException.class, () -> new AuthThrottle(20, 0, 10, now::get));
        assertThrows(IllegalArgumentException.class, () -> new AuthThrottle(20, WINDOW, 0, now::get));
    }
}
