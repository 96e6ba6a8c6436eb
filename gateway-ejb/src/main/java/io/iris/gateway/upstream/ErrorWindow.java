package io.iris.gateway.upstream;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Successes and failures of the last few seconds, so that a key can be judged by its recent error rate and not
 * only by failures in a row: a key failing every other request never fails five times running, yet is half
 * broken.
 *
 * <p>A ring of time buckets, each one {@code long} in an {@link AtomicLongArray}: the bucket's number (epoch
 * time divided by the bucket width, low 32 bits) in the high half, then 16 bits of successes and 16 bits of
 * failures. Packing the stamp with the counts lets one compare-and-set both start a new bucket and count in it,
 * so there is no lock and no allocation per outcome: this runs on every request. A count stops at 65,535 per
 * bucket rather than overflow into its neighbour. The stamp wraps after 2^32 buckets (136 years at one second).
 *
 * <p>The window is {@code buckets} whole buckets, the current one included: it spans between {@code buckets - 1}
 * and {@code buckets} bucket widths of time, which is precise enough for a circuit breaker.
 */
final class ErrorWindow {
    private static final int COUNT_BITS = 16;
    private static final long COUNT_MAX = (1L << COUNT_BITS) - 1;
    private static final long COUNTS_MASK = (1L << (2 * COUNT_BITS)) - 1;
    private static final long ONE_SUCCESS = 1L << COUNT_BITS;
    private static final long ONE_FAILURE = 1L;
    /** At most this many buckets, so that the sums of {@link #read} fit their 32 bits. */
    static final int MAX_BUCKETS = 4096;

    private final AtomicLongArray slots;
    private final long bucketMillis;

    /**
     * @param window  the span of time to remember; rounded down to a whole number of milliseconds per bucket
     * @param buckets how many slices the window is cut into: more is smoother, fewer is cheaper to read
     */
    ErrorWindow(Duration window, int buckets) {
        if (buckets < 1 || buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("buckets must be in [1, " + MAX_BUCKETS + "]: " + buckets);
        }
        long millis = window.toMillis() / buckets;
        if (millis < 1) {
            throw new IllegalArgumentException("window too short for " + buckets + " buckets: " + window);
        }
        this.slots = new AtomicLongArray(buckets);
        this.bucketMillis = millis;
    }

    /** Counts one outcome at {@code now}. */
    void record(boolean failed, Instant now) {
        long bucket = Math.floorDiv(now.toEpochMilli(), bucketMillis);
        int index = (int) Math.floorMod(bucket, (long) slots.length());
        long stamp = bucket << (2 * COUNT_BITS);
        long one = failed ? ONE_FAILURE : ONE_SUCCESS;
        while (true) {
            long current = slots.get(index);
            long next;
            if ((current & ~COUNTS_MASK) == stamp) {
                if (((current >>> (failed ? 0 : COUNT_BITS)) & COUNT_MAX) == COUNT_MAX) {
                    return; // saturated
                }
                next = current + one;
            } else {
                // The slot holds another bucket: an older one, or a newer one after the clock stepped back. Either
                // way it is outside the window as seen from now, so the slot starts over.
                next = stamp | one;
            }
            if (slots.compareAndSet(index, current, next)) {
                return;
            }
        }
    }

    /**
     * The outcomes inside the window at {@code now}, as one {@code long} so that reading allocates nothing:
     * decode it with {@link #requests}, {@link #failures} and {@link #errorRate}.
     */
    long read(Instant now) {
        int current = (int) Math.floorDiv(now.toEpochMilli(), bucketMillis);
        int length = slots.length();
        long requests = 0;
        long failures = 0;
        for (int i = 0; i < length; i++) {
            long slot = slots.get(i);
            int age = current - (int) (slot >>> (2 * COUNT_BITS));
            if (age >= 0 && age < length) {
                long failed = slot & COUNT_MAX;
                requests += failed + ((slot >>> COUNT_BITS) & COUNT_MAX);
                failures += failed;
            }
        }
        return failures << 32 | requests;
    }

    /** Forgets every outcome: a circuit that has just opened or closed starts a new record. */
    void clear() {
        for (int i = 0; i < slots.length(); i++) {
            slots.set(i, 0);
        }
    }

    static int requests(long reading) {
        return (int) reading;
    }

    static int failures(long reading) {
        return (int) (reading >>> 32);
    }

    /** Failures over requests; 0 for no requests. */
    static double errorRate(long reading) {
        int requests = requests(reading);
        return requests == 0 ? 0 : (double) failures(reading) / requests;
    }
}
