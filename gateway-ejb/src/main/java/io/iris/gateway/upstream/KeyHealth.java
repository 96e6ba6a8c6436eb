package io.iris.gateway.upstream;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live health of one provider key: latency and error rate as exponentially weighted moving averages, and a
 * circuit. Closed: the key takes traffic. After {@code failureThreshold} failures in a row it opens: no traffic
 * for {@code openFor}. Then one request at a time may probe it (half-open): a success closes the circuit, a
 * failure opens it again. Lock-free: the state is one immutable record swapped by compare-and-set.
 */
public final class KeyHealth {
    /** Weight of the newest sample in the moving averages. */
    static final double ALPHA = 0.2;

    public enum Circuit { CLOSED, OPEN, HALF_OPEN }

    /** One reading of the state. {@code probing}: a half-open probe is in flight. */
    public record State(Circuit circuit, int consecutiveFailures, Instant openedAt, boolean probing,
                        double latencyMs, double errorRate, long samples) {
    }

    private final int failureThreshold;
    private final Duration openFor;
    private final AtomicReference<State> state = new AtomicReference<>(
            new State(Circuit.CLOSED, 0, Instant.EPOCH, false, 0, 0, 0));

    public KeyHealth(int failureThreshold, Duration openFor) {
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
    }

    /** The state at {@code now}: an open circuit whose time is up reads as half-open. */
    public State state(Instant now) {
        State s = state.get();
        if (s.circuit() == Circuit.OPEN && !now.isBefore(s.openedAt().plus(openFor))) {
            return new State(Circuit.HALF_OPEN, s.consecutiveFailures(), s.openedAt(), s.probing(), s.latencyMs(),
                    s.errorRate(), s.samples());
        }
        return s;
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
            if (s.probing() || now.isBefore(s.openedAt().plus(openFor))) {
                return false;
            }
            State probe = new State(Circuit.OPEN, s.consecutiveFailures(), s.openedAt(), true, s.latencyMs(),
                    s.errorRate(), s.samples());
            if (state.compareAndSet(s, probe)) {
                return true;
            }
        }
    }

    /** Whether the key would be selectable now, without taking the half-open probe. */
    public boolean available(Instant now) {
        State s = state(now);
        return s.circuit() == Circuit.CLOSED || (s.circuit() == Circuit.HALF_OPEN && !s.probing());
    }

    /** A request on the key ended without saying anything about it (the client left): frees a probe. */
    public void abandon() {
        while (true) {
            State s = state.get();
            if (!s.probing()) {
                return;
            }
            State freed = new State(s.circuit(), s.consecutiveFailures(), s.openedAt(), false, s.latencyMs(),
                    s.errorRate(), s.samples());
            if (state.compareAndSet(s, freed)) {
                return;
            }
        }
    }

    public void success(Duration latency) {
        update(false, latency.toNanos() / 1e6, Instant.EPOCH);
    }

    public void failure(Instant now) {
        update(true, -1, now);
    }

    private void update(boolean failed, double latencyMs, Instant now) {
        while (true) {
            State s = state.get();
            double latency = latencyMs < 0 ? s.latencyMs()
                    : s.samples() == 0 ? latencyMs : s.latencyMs() + ALPHA * (latencyMs - s.latencyMs());
            double errors = s.samples() == 0 ? (failed ? 1 : 0) : s.errorRate() + ALPHA * ((failed ? 1 : 0)
                    - s.errorRate());
            State next;
            if (!failed) {
                next = new State(Circuit.CLOSED, 0, s.openedAt(), false, latency, errors, s.samples() + 1);
            } else {
                int failures = s.consecutiveFailures() + 1;
                boolean open = s.circuit() == Circuit.OPEN || failures >= failureThreshold;
                next = new State(open ? Circuit.OPEN : Circuit.CLOSED, failures, open ? now : s.openedAt(), false,
                        latency, errors, s.samples() + 1);
            }
            if (state.compareAndSet(s, next)) {
                return;
            }
        }
    }
}
