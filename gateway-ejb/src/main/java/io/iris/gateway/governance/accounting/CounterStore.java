package io.iris.gateway.governance.accounting;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The live counters of every budget and rate limit, consulted on each request.
 *
 * <p>Contract for every implementation: all methods are thread-safe and may be called from any thread; nothing on
 * the request path ({@link #admit}, {@link Reservation}, {@link #counter}) takes a lock shared by all requests,
 * blocks or touches the database. The database sees the counters only through {@link #changedSinceLastFlush()},
 * which a flusher calls every second and at shutdown; configuration reaches them only through {@link #sync}.
 */
public interface CounterStore {

    /**
     * Brings the counters in line with the configuration, after every change: creates counters for new keys
     * (restored from {@link CounterSpec#used()} and {@link CounterSpec#windowStart()}, rolled forward if that window
     * has ended), reconfigures existing ones keeping their live usage ({@link LiveCounter#reconfigure}), and drops
     * the counters whose keys are no longer present. Meant to be called by one thread at a time.
     */
    void sync(Collection<CounterSpec> specs);

    Optional<LiveCounter> counter(CounterKey key);

    /**
     * Reserves every claim in order, all or nothing. When one counter refuses, what the earlier claims reserved is
     * released and the refusal names that counter and the seconds until its window ends. Keys without a counter are
     * ignored (no counter, no limit); a key claimed twice is reserved once, with its first amount.
     */
    Admission admit(List<Claim> claims, Instant now);

    /**
     * The counters whose usage or window changed since the previous call, each read atomically, for a batch
     * UPDATE. Each change is returned once; if writing fails, pass the flushes to {@link #flushFailed}.
     */
    List<Flush> changedSinceLastFlush();

    /** Makes flushes that could not be written due again at the next {@link #changedSinceLastFlush()}. */
    void flushFailed(Collection<Flush> flushes);

    /**
     * A counter's usage and window start, read together, as a flusher writes them back; {@code version} is the
     * counter's change count, for {@link #flushFailed}. Immutable.
     */
    record Flush(CounterKey key, long used, Instant windowStart, long version) {
    }

    /** Asks {@code amount} of one counter: an estimated cost, 1 request, or 0 tokens (tokens are charged after). */
    record Claim(CounterKey key, long amount) {
        public Claim {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * The result of {@link #admit}: a reservation when admitted, otherwise the counter that refused and a
     * Retry-After in seconds. Immutable.
     */
    record Admission(Reservation reservation, CounterKey blockedKey, long retryAfterSeconds) {
        public static Admission admitted(Reservation reservation) {
            return new Admission(Objects.requireNonNull(reservation, "reservation"), null, 0);
        }

        public static Admission refused(CounterKey blockedKey, long retryAfterSeconds) {
            return new Admission(null, Objects.requireNonNull(blockedKey, "blockedKey"), retryAfterSeconds);
        }

        public boolean admitted() {
            return reservation != null;
        }
    }

    /**
     * What one admitted request holds on its counters. Exactly one of {@link #settle} and {@link #release} takes
     * effect, once: later calls, on any thread, do nothing.
     */
    interface Reservation {
        /** Ends the reservation with the actual usage per counter; counters missing from the map settle with 0. */
        void settle(Map<CounterKey, Long> actualByKey, Instant now);

        /** Ends the reservation without usage (the call failed or did not happen). */
        void release(Instant now);
    }
}
