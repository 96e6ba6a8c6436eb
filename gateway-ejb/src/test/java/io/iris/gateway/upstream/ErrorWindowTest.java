package io.iris.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorWindowTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private final ErrorWindow window = new ErrorWindow(Duration.ofSeconds(10), 10);

    @Test
    void read_empty_noRequestsAndZeroRate() {
        long reading = window.read(T0);

        assertEquals(0, ErrorWindow.requests(reading));
        assertEquals(0, ErrorWindow.failures(reading));
        assertEquals(0.0, ErrorWindow.errorRate(reading));
    }

    @Test
    void record_successesAndFailures_countedAcrossBuckets() {
        window.record(false, T0);
        window.record(true, T0);
        window.record(true, T0.plusMillis(2500));
        window.record(false, T0.plusSeconds(9));

        long reading = window.read(T0.plusSeconds(9));
        assertEquals(4, ErrorWindow.requests(reading));
        assertEquals(2, ErrorWindow.failures(reading));
        assertEquals(0.5, ErrorWindow.errorRate(reading));
    }

    @Test
    void read_bucketsOlderThanTheWindow_forgotten() {
        window.record(true, T0);
        window.record(false, T0.plusSeconds(5));

        assertEquals(1, ErrorWindow.requests(window.read(T0.plusSeconds(10))), "the T0 bucket has left");
        assertEquals(0, ErrorWindow.failures(window.read(T0.plusSeconds(10))));
        assertEquals(0, ErrorWindow.requests(window.read(T0.plusSeconds(15))));
    }

    @Test
    void record_slotOfAnOldBucket_startsOver() {
        window.record(true, T0);
        window.record(false, T0.plusSeconds(10)); // same slot, one window later

        long reading = window.read(T0.plusSeconds(10));
        assertEquals(1, ErrorWindow.requests(reading));
        assertEquals(0, ErrorWindow.failures(reading));
    }

    @Test
    void read_bucketsAfterNow_notCounted() {
        window.record(true, T0.plusSeconds(3));

        assertEquals(0, ErrorWindow.requests(window.read(T0)));
    }

    @Test
    void record_beyondWhatABucketHolds_saturates() {
        for (int i = 0; i < 70_000; i++) {
            window.record(true, T0);
        }
        window.record(false, T0);

        long reading = window.read(T0);
        assertEquals(65_535, ErrorWindow.failures(reading));
        assertEquals(65_536, ErrorWindow.requests(reading), "the success count is not disturbed");
    }

    @Test
    void clear_afterOutcomes_forgetsThemAll() {
        window.record(true, T0);
        window.record(false, T0.plusSeconds(1));

        window.clear();

        assertEquals(0, ErrorWindow.requests(window.read(T0.plusSeconds(1))));
    }

    @Test
    void record_fromManyThreads_losesNothing() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            boolean failed = t % 2 == 0;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    window.record(failed, T0);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        long reading = window.read(T0);
        assertEquals(40_000, ErrorWindow.requests(reading));
        assertEquals(20_000, ErrorWindow.failures(reading));
    }

    @Test
    void constructor_windowShorterThanOneMillisecondPerBucket_throws() {
        assertThrows(IllegalArgumentException.class, () -> new ErrorWindow(Duration.ofMillis(9), 10));
        assertThrows(IllegalArgumentException.class, () -> new ErrorWindow(Duration.ofSeconds(10), 0));
    }
}
