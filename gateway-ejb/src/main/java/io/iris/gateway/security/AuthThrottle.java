package io.iris.gateway.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Failed authentications counted per client key (an address) in fixed windows: the first failure of a key opens
 * a window of {@code windowMillis}; once it holds {@code maxFailures} failures the key is blocked until the window
 * ends, whatever it presents. A success neither counts nor resets anything.
 *
 * <p>Thread-safe without a lock shared by all requests: {@link #retryAfterSeconds} is one
 * {@link ConcurrentHashMap#get} (null for a key that never failed); {@link #recordFailure} updates only its own
 * key's entry. About {@code maxEntries} keys are held at most (concurrent first failures of new keys may pass the
 * cap by the number of threads): expired windows are swept once a window, and at most once a second while the
 * table is full; while it is still full a failure of a new key is not tracked, so a flood of new addresses costs
 * bounded memory and never unblocks an address already blocked.
 */
public final class AuthThrottle {
    /** What a failure did to its key's window. */
    public enum Outcome {
        /** Counted; the key is still below the limit. */
        COUNTED,
        /** Counted, and this failure reached the limit: the key is blocked from now on. */
        BLOCKED_NOW,
        /** The table is full of live windows: the failure was not tracked. */
        UNTRACKED
    }

    /** One key's window: when it ends and how many failures it holds. Immutable; replaced on each failure. */
    private record Window(long endsAtMillis, int failures, boolean throttleReported) {
        boolean expiredAt(long now) {
            return now >= endsAtMillis;
        }
    }

    private static final long FULL_SWEEP_INTERVAL_MILLIS = 1_000;

    private final int maxFailures;
    private final long windowMillis;
    private final int maxEntries;
    private final LongSupplier clockMillis;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong nextSweepAtMillis;
    private final AtomicLong lastFullSweepAtMillis = new AtomicLong(Long.MIN_VALUE / 2);

    /**
     * @param clockMillis the current time in milliseconds ({@code System::currentTimeMillis} in production)
     */
    public AuthThrottle(int maxFailures, long windowMillis, int maxEntries, LongSupplier clockMillis) {
        if (maxFailures < 1 || windowMillis < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("the throttle's limit, window and capacity must be positive");
        }
        this.maxFailures = maxFailures;
        this.windowMillis = windowMillis;
        this.maxEntries = maxEntries;
        this.clockMillis = clockMillis;
        this.nextSweepAtMillis = new AtomicLong(clockMillis.getAsLong() + windowMillis);
    }

    /** Seconds until {@code key}'s window ends (rounded up, at least 1) while it is blocked; 0 when it is not. */
    public long retryAfterSeconds(String key) {
        Window window = windows.get(key);
        if (window == null || window.failures() < maxFailures) {
            return 0;
        }
        long left = window.endsAtMillis() - clockMillis.getAsLong();
        return left <= 0 ? 0 : (left + 999) / 1000;
    }

    /** Counts one failed authentication of {@code key}. */
    public Outcome recordFailure(String key) {
        long now = clockMillis.getAsLong();
        sweepIfDue(now);
        if (!windows.containsKey(key) && windows.size() >= maxEntries) {
            sweepWhenFull(now);
            if (windows.size() >= maxEntries) {
                return Outcome.UNTRACKED;
            }
        }
        Window after = windows.compute(key, (k, window) -> window == null || window.expiredAt(now)
                ? new Window(now + windowMillis, 1, false)
                : new Window(window.endsAtMillis(), Math.min(window.failures() + 1, maxFailures + 1),
                        window.throttleReported()));
        return after.failures() == maxFailures ? Outcome.BLOCKED_NOW : Outcome.COUNTED;
    }

    /**
     * Whether this is the first refusal of a blocked {@code key} in its window to be reported (and marks it
     * reported): one log line per blocked address and window, however many requests it keeps sending.
     */
    public boolean firstThrottleReport(String key) {
        boolean[] first = {false};
        windows.computeIfPresent(key, (k, window) -> {
            if (window.throttleReported()) {
                return window;
            }
            first[0] = true;
            return new Window(window.endsAtMillis(), window.failures(), true);
        });
        return first[0];
    }

    /** Keys held now (expired windows included until swept). */
    public int size() {
        return windows.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweepAtMillis.get();
        if (now >= due && nextSweepAtMillis.compareAndSet(due, now + windowMillis)) {
            sweep(now);
        }
    }

    private void sweepWhenFull(long now) {
        long last = lastFullSweepAtMillis.get();
        if (now - last >= FULL_SWEEP_INTERVAL_MILLIS && lastFullSweepAtMillis.compareAndSet(last, now)) {
            sweep(now);
        }
    }

    private void sweep(long now) {
        windows.values().removeIf(window -> window.expiredAt(now));
    }
}
