package io.iris.gateway.governance.accounting;

import io.iris.gateway.governance.ResetPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One budget or rate-limit half in memory: its limit, current window, usage and in-flight reservations.
 *
 * <p>Thread-safe and lock-free: the whole state is one immutable {@link State} swapped by compare-and-set, so an
 * admission check and its reservation are one atomic step and a limit of N admits exactly N per window. The window
 * rolls lazily, inside whichever operation first sees {@code now >= end}; reads never write.
 *
 * <p>Reservations belong to the window they were made in ({@link Hold#window()}). When the window rolls, the
 * reservations still in flight stop counting against admission in the new window (they were the old window's
 * business). Settling or releasing such a hold later removes nothing from the new window's reservations, and its
 * actual usage is charged to the <em>current</em> window, when the cost is known.
 */
public final class LiveCounter {
    /** A reservation of {@code amount} made in window number {@code window} of one counter. Immutable. */
    public record Hold(long window, long amount) {
    }

    /**
     * {@code window} counts rolls (it identifies reservations' windows); {@code version} counts changes of
     * {@code used} or the window start (what the database keeps).
     */
    private record State(long limit, ResetPeriod period, boolean aligned, CounterWindow current, long used,
                         long reserved, long window, long version) {
        State rolledTo(Instant now) {
            CounterWindow rolled = current.containing(now, period, aligned);
            return rolled == current ? this
                    : new State(limit, period, aligned, rolled, 0, 0, window + 1, version);
        }

        /** {@code next} with the version moved on when what the database keeps changed since {@code this}. */
        State advance(State next) {
            boolean changed = next.used != used || !next.current.start().equals(current.start());
            return new State(next.limit, next.period, next.aligned, next.current, next.used, next.reserved,
                    next.window, changed ? version + 1 : version);
        }

        State with(long newUsed, long newReserved) {
            return new State(limit, period, aligned, current, newUsed, newReserved, window, version);
        }
    }

    private final CounterKey key;
    private final AtomicReference<State> state;
    private final AtomicLong flushedVersion = new AtomicLong();

    /**
     * A counter restored from {@code spec}'s stored usage and window start, rolled forward to {@code now} if that
     * window has ended (which then counts as a change to flush).
     */
    public LiveCounter(CounterSpec spec, Instant now) {
        this.key = spec.key();
        CounterWindow stored = spec.windowStart() == null
                ? CounterWindow.freshAt(now, spec.period(), spec.aligned())
                : CounterWindow.startingAt(spec.windowStart(), spec.period(), spec.aligned());
        State restored = new State(spec.limit(), spec.period(), spec.aligned(), stored, Math.max(0, spec.used()), 0,
                0, 0);
        this.state = new AtomicReference<>(restored.advance(restored.rolledTo(now)));
    }

    public CounterKey key() {
        return key;
    }

    /**
     * Admits iff {@code used + reserved < limit} in the window containing {@code now} (so usage at the limit
     * blocks, and the admitted request may cross it), and then reserves {@code amount}, atomically.
     *
     * @return the hold to settle or release later, or empty when refused
     */
    public Optional<Hold> tryReserve(long amount, Instant now) {
        long reserve = Math.max(0, amount);
        while (true) {
            State seen = state.get();
            State rolled = seen.rolledTo(now);
            if (saturatedAdd(rolled.used, rolled.reserved) >= rolled.limit) {
                return Optional.empty();
            }
            State next = seen.advance(rolled.with(rolled.used, saturatedAdd(rolled.reserved, reserve)));
            if (state.compareAndSet(seen, next)) {
                return Optional.of(new Hold(next.window, reserve));
            }
        }
    }

    /** Ends a hold with {@code actual} usage: removes the reservation (if still this window's) and adds usage. */
    public void settle(Hold hold, long actual, Instant now) {
        update(hold, Math.max(0, actual), now);
    }

    /** Ends a hold without usage (the call failed or never happened). */
    public void release(Hold hold, Instant now) {
        update(hold, 0, now);
    }

    /** Adds usage that had no reservation (tokens are charged after the call from what it really used). */
    public void record(long actual, Instant now) {
        update(null, Math.max(0, actual), now);
    }

    private void update(Hold hold, long actual, Instant now) {
        while (true) {
            State seen = state.get();
            State rolled = seen.rolledTo(now);
            long reserved = hold != null && hold.window() == rolled.window
                    ? Math.max(0, rolled.reserved - hold.amount()) : rolled.reserved;
            State next = seen.advance(rolled.with(saturatedAdd(rolled.used, actual), reserved));
            if (state.compareAndSet(seen, next)) {
                return;
            }
        }
    }

    /**
     * Applies an admin change. The same period and alignment keep the window, usage and reservations; only the
     * limit changes. A new period or alignment starts a fresh window at {@code now} ({@link CounterWindow#freshAt})
     * but keeps usage and reservations, so a configuration change never erases spend. Stored usage in
     * {@code spec} is ignored: the live counter is ahead of the database.
     */
    public void reconfigure(CounterSpec spec, Instant now) {
        while (true) {
            State seen = state.get();
            State rolled = seen.rolledTo(now);
            boolean sameGrid = rolled.period.equals(spec.period()) && rolled.aligned == spec.aligned();
            CounterWindow window = sameGrid ? rolled.current
                    : CounterWindow.freshAt(now, spec.period(), spec.aligned());
            State next = seen.advance(new State(spec.limit(), spec.period(), spec.aligned(), window, rolled.used,
                    rolled.reserved, rolled.window, rolled.version));
            if (state.compareAndSet(seen, next)) {
                return;
            }
        }
    }

    public long limit() {
        return state.get().limit;
    }

    /** Usage in the window containing {@code now} (0 once the stored window has ended). */
    public long used(Instant now) {
        return state.get().rolledTo(now).used;
    }

    /** Reserved, not yet settled, in the window containing {@code now}. */
    public long reserved(Instant now) {
        return state.get().rolledTo(now).reserved;
    }

    /** {@code used / limit × 100} at {@code now}; 0 when the limit is not positive. */
    public double percentUsed(Instant now) {
        State s = state.get().rolledTo(now);
        return s.limit <= 0 ? 0.0 : (double) s.used / s.limit * 100.0;
    }

    public Instant windowStart(Instant now) {
        return state.get().rolledTo(now).current.start();
    }

    public Instant windowEnd(Instant now) {
        return state.get().rolledTo(now).current.end();
    }

    /** Seconds until the window containing {@code now} ends, rounded up and at least 1: a Retry-After value. */
    public long secondsToWindowEnd(Instant now) {
        Duration left = Duration.between(now, windowEnd(now));
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** Whether usage or the window start changed since the last {@link #takeFlush()}. */
    public boolean changedSinceFlush() {
        return state.get().version != flushedVersion.get();
    }

    /**
     * The usage and window start to write back when they changed since the last call, and marks them flushed. Two
     * flushers racing get the change once. If writing it fails, {@link #flushFailed} makes it due again.
     */
    public Optional<CounterStore.Flush> takeFlush() {
        State s = state.get();
        long flushed = flushedVersion.get();
        if (s.version == flushed || !flushedVersion.compareAndSet(flushed, s.version)) {
            return Optional.empty();
        }
        return Optional.of(new CounterStore.Flush(key, s.used, s.current.start(), s.version));
    }

    /** Makes a flush that could not be written due again (unless a later one was taken meanwhile). */
    public void flushFailed(CounterStore.Flush flush) {
        flushedVersion.compareAndSet(flush.version(), flush.version() - 1);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
