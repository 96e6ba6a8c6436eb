package bench;

import java.util.Locale;
import java.util.Map;

/**
 * One fixed-rate run against one target. Latencies are nanoseconds from the scheduled send time to the end of
 * the response, over the successful measured requests; {@code achieved} is successful answers per second
 * inside the measurement window.
 */
record RunResult(String target, int rate, int delayMs, int measured, int ok, int errors, double achieved,
                 long p50, long p90, long p99, long p999, long max, Map<String, Long> failureKinds) {
    private static final long P99_LIMIT_NANOS = 50_000_000L;

    double errorRate() {
        return measured == 0 ? 0 : (double) errors / measured;
    }

    /**
     * Saturated: the target could not keep the offered rate (achieved below 95% of it), more than 1% of requests
     * failed, or p99 went past 50 ms plus the upstream delay (an open-loop queue that grows).
     */
    boolean saturated() {
        return achieved < 0.95 * rate || errorRate() > 0.01 || p99 > P99_LIMIT_NANOS + delayMs * 1_000_000L;
    }

    String line() {
        return String.format(Locale.ROOT,
                "%-7s rate=%6d delay=%4dms achieved=%8.1f/s ok=%7d errors=%6d p50=%9s p90=%9s p99=%9s p99.9=%9s"
                        + " max=%9s%s%s",
                target, rate, delayMs, achieved, ok, errors, micros(p50), micros(p90), micros(p99), micros(p999),
                micros(max), failureKinds.isEmpty() ? "" : " failures=" + failureKinds,
                saturated() ? " SATURATED" : "");
    }

    static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.0fus", nanos / 1000.0);
    }
}
