package bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every measured request of one run, kept exactly (a slot per request, no bucketing): its latency in
 * nanoseconds from the time it was scheduled to be sent, or a failure. Also counts the successful answers that
 * arrived inside the measurement window, which is the achieved rate. Slots are written from the client's I/O
 * threads, read once the run has drained. Thread-safe.
 */
final class Recorder {
    private static final long PENDING = 0;
    private static final long FAILED = -1;

    private final AtomicLongArray slots;
    private final long windowStart;
    private final long windowEnd;
    private final LongAdder answeredInWindow = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    /**
     * @param measured how many requests are measured
     * @param windowStart {@code System.nanoTime()} when the measurement window opens
     * @param windowEnd {@code System.nanoTime()} when it closes
     */
    Recorder(int measured, long windowStart, long windowEnd) {
        this.slots = new AtomicLongArray(measured);
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
    }

    /** A successful answer at {@code now}; {@code slot} is -1 for a warm-up request. */
    void answered(int slot, long latencyNanos, long now) {
        if (now >= windowStart && now < windowEnd) {
            answeredInWindow.increment();
        }
        if (slot >= 0) {
            slots.set(slot, Math.max(1, latencyNanos));
        }
    }

    /** A failed request, counted under {@code kind} when it is measured. */
    void failed(int slot, String kind) {
        if (slot >= 0) {
            slots.set(slot, FAILED);
            failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }
    }

    /** The summary once the run has drained; requests still pending count as failures ("unfinished"). */
    RunResult result(Target target, int rate, int delayMs, double windowSeconds) {
        int n = slots.length();
        long[] latencies = new long[n];
        int ok = 0;
        long unfinished = 0;
        for (int i = 0; i < n; i++) {
            long value = slots.get(i);
            if (value > 0) {
                latencies[ok++] = value;
            } else if (value == PENDING) {
                unfinished++;
            }
        }
        Map<String, Long> kinds = new TreeMap<>();
        failures.forEach((kind, count) -> kinds.put(kind, count.sum()));
        if (unfinished > 0) {
            kinds.put("unfinished", unfinished);
        }
        long[] sorted = Arrays.copyOf(latencies, ok);
        Arrays.sort(sorted);
        return new RunResult(target.name(), rate, delayMs, n, ok, n - ok,
                answeredInWindow.sum() / windowSeconds,
                percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
                percentile(sorted, 0.999), ok == 0 ? 0 : sorted[ok - 1], kinds);
    }

    /** Nearest-rank percentile in nanoseconds, 0 when nothing succeeded. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }
}
