package io.iris.gateway.upstream;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live health of one provider key: latency and error rate as exponentially weighted moving averages, and a
 * circuit. Closed: the key takes traffic. It opens after {@code failureThreshold} failures in a row, or when the
 * outcomes of the last {@code window} are at least {@code minRequests} and at least {@code errorRateThreshold} of
 * them failed: failures in a row catch a key that is down, the error rate one that fails only every other
 * request. Open: no traffic for {@code openFor}. Then one request at a time may probe it (half-open): a success
 * closes the circuit, a failure opens it again. The window is cleared whenever the circuit opens or closes, so a
 * key that has recovered is not opened again by failures from before.
 *
 * <p>Also kept: the latest rate-limit headroom the provider reported for the key ({@link RateLimitHeadroom}).
 *
 * <p>Lock-free, as it is touched by every request: the state is one immutable record swapped by compare-and-set,
 * and the window counts in an {@link ErrorWindow} of atomic longs.
 */
public final class KeyHealth {
    /** Weight of the newest sample in the moving averages. */
    static final double ALPHA = 0.2;
    public static final double DEFAULT_ERROR_RATE_THRESHOLD = 0.5;
    public static final int DEFAULT_MIN_REQUESTS = 20;
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    /** Slices of the window: one second each for the default window. */
    static final int WINDOW_BUCKETS = 10;

    public enum Circuit { CLOSED, OPEN, HALF_OPEN }

    /**
     * One reading of the state. {@code probing}: a half-open probe is in flight. {@code windowErrorRate} and
     * {@code windowRequests}: failures over outcomes, and outcomes, inside the sliding window (0 and 0 when
     * empty). {@code headroom}: the latest share of the provider's rate limit left for the key, in [0, 1], or
     * {@link RateLimitHeadroom#UNKNOWN}.
     */
    public record State(Circuit circuit, int consecutiveFailures, Instant openedAt, boolean probing,
                        double latencyMs, double errorRate, long samples,
                        double windowErrorRate, int windowRequests, double headroom) {
        /** A state with an empty window and unknown headroom, as before those were kept. */
        public State(Circuit circuit, int consecutiveFailures, Instant openedAt, boolean probing, double latencyMs,
                     double errorRate, long samples) {
            this(circuit, consecutiveFailures, openedAt, probing, latencyMs, errorRate, samples, 0, 0,
                    RateLimitHeadroom.UNKNOWN);
        }
    }

    private final int failureThreshold;
    private final Duration openFor;
    private final double errorRateThreshold;
    private final int minRequests;
    private final ErrorWindow window;
    private final AtomicReference<State> state = new AtomicReference<>(
            new State(Circuit.CLOSED, 0, Instant.EPOCH, false, 0, 0, 0));

    /** With the default error-rate rule: {@value #DEFAULT_MIN_REQUESTS} outcomes, half failed, in 10 s. */
    public KeyHealth(int failureThreshold, Duration openFor) {
        this(failureThreshold, openFor, DEFAULT_ERROR_RATE_THRESHOLD, DEFAULT_MIN_REQUESTS, DEFAULT_WINDOW);
    }

    /**
     * @param errorRateThreshold share of failed outcomes in the window that opens the circuit, in (0, 1]
     * @param minRequests        outcomes the window must hold before its error rate counts, at least 1: a key
     *                           is not opened on the strength of one failure out of two
     * @param window             how far back the error rate looks; cut into {@value #WINDOW_BUCKETS} buckets, so
     *                           at least 10 ms
     */
    public KeyHealth(int failureThreshold, Duration openFor, double errorRateThreshold, int minRequests,
                     Duration window) {
        if (!(errorRateThreshold > 0 && errorRateThreshold <= 1)) {
            throw new IllegalArgumentException("errorRateThreshold must be in (0, 1]: " + errorRateThreshold);
        }
        if (minRequests < 1) {
            throw new IllegalArgumentException("minRequests must be at least 1: " + minRequests);
        }
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.errorRateThreshold = errorRateThreshold;
        this.minRequests = minRequests;
        this.window = new ErrorWindow(window, WINDOW_BUCKETS);
    }

    /**
     * The state at {@code now}: an open circuit whose time is up reads as half-open, and the window figures are
     * those at {@code now}. Allocates only when either differs from the stored state.
     */
    public State state(Instant now) {
        State s = state.get();
        boolean halfOpen = s.circuit() == Circuit.OPEN && coolDownOver(s, now);
        long reading = window.read(now);
        int requests = ErrorWindow.requests(reading);
        double rate = ErrorWindow.errorRate(reading);
        if (!halfOpen && requests == s.windowRequests() && rate == s.windowErrorRate()) {
            return s;
        }
        return new State(halfOpen ? Circuit.HALF_OPEN : s.circuit(), s.consecutiveFailures(), s.openedAt(),
                s.probing(), s.latencyMs(), s.errorRate(), s.samples(), rate, requests, s.headroom());
    }

    /**
     * Whether a request may use the key now. Closed: yes. Open: no. Half-open: only the first caller after the
     * cool-down, which becomes the probe.
     */
    public boolean tryAcquire(Instant now) {
        while (true) {
            State s = state.get();
            if (s.circuit() == Circuit.CLOSED) {
                return true;
            }
            if (s.probing() || !coolDownOver(s, now)) {
                return false;
            }
            if (state.compareAndSet(s, withProbing(s, true))) {
                return true;
            }
        }
    }

    /** Whether the key would be selectable now, without taking the half-open probe. Allocates nothing. */
    public boolean available(Instant now) {
        State s = state.get();
        return s.circuit() == Circuit.CLOSED || (!s.probing() && coolDownOver(s, now));
    }

    /** A request on the key ended without saying anything about it (the client left): frees a probe. */
    public void abandon() {
        while (true) {
            State s = state.get();
            if (!s.probing() || state.compareAndSet(s, withProbing(s, false))) {
                return;
            }
        }
    }

    /** A success now; see {@link #success(Duration, Instant)}. */
    public void success(Duration latency) {
        success(latency, Instant.now());
    }

    /** The key answered, taking {@code latency}: closes the circuit if it was not closed. */
    public void success(Duration latency, Instant now) {
        update(false, latency.toNanos() / 1e6, now);
    }

    /** The key failed: may open the circuit, and a failed probe opens it again. */
    public void failure(Instant now) {
        update(true, -1, now);
    }

    /**
     * Keeps the share of the key's rate limit left, as read by {@link RateLimitHeadroom#of}: clamped to at most
     * 1. A reading of {@link RateLimitHeadroom#UNKNOWN} (or any negative or NaN) is ignored, so the state keeps
     * the latest headroom known: an answer without rate-limit headers says nothing about the limit.
     */
    public void recordHeadroom(double fraction) {
        if (!(fraction >= 0)) {
            return;
        }
        double headroom = Math.min(fraction, 1.0);
        while (true) {
            State s = state.get();
            if (s.headroom() == headroom) {
                return; // unchanged: no new record
            }
            State next = new State(s.circuit(), s.consecutiveFailures(), s.openedAt(), s.probing(), s.latencyMs(),
                    s.errorRate(), s.samples(), s.windowErrorRate(), s.windowRequests(), headroom);
            if (state.compareAndSet(s, next)) {
                return;
            }
        }
    }

    private boolean coolDownOver(State s, Instant now) {
        return !now.isBefore(s.openedAt().plus(openFor));
    }

    private boolean tripped(long reading) {
        return ErrorWindow.requests(reading) >= minRequests && ErrorWindow.errorRate(reading) >= errorRateThreshold;
    }

    private static State withProbing(State s, boolean probing) {
        return new State(s.circuit(), s.consecutiveFailures(), s.openedAt(), probing, s.latencyMs(), s.errorRate(),
                s.samples(), s.windowErrorRate(), s.windowRequests(), s.headroom());
    }

    private void update(boolean failed, double latencyMs, Instant now) {
        window.record(failed, now);
        long reading = window.read(now);
        int requests = ErrorWindow.requests(reading);
        double rate = ErrorWindow.errorRate(reading);
        while (true) {
            State s = state.get();
            double latency = latencyMs < 0 ? s.latencyMs()
                    : s.samples() == 0 ? latencyMs : s.latencyMs() + ALPHA * (latencyMs - s.latencyMs());
            double errors = s.samples() == 0 ? (failed ? 1 : 0) : s.errorRate() + ALPHA * ((failed ? 1 : 0)
                    - s.errorRate());
            State next;
            boolean turned; // the circuit opened or closed: the window starts over
            if (!failed) {
                turned = s.circuit() != Circuit.CLOSED;
                next = new State(Circuit.CLOSED, 0, s.openedAt(), false, latency, errors, s.samples() + 1,
                        turned ? 0 : rate, turned ? 0 : requests, s.headroom());
            } else {
                int failures = s.consecutiveFailures() + 1;
                boolean open = s.circuit() == Circuit.OPEN || failures >= failureThreshold || tripped(reading);
                turned = open;
                next = new State(open ? Circuit.OPEN : Circuit.CLOSED, failures, open ? now : s.openedAt(), false,
                        latency, errors, s.samples() + 1, open ? 0 : rate, open ? 0 : requests, s.headroom());
            }
            if (state.compareAndSet(s, next)) {
                if (turned) {
                    window.clear();
                }
                return;
            }
        }
    }
}
