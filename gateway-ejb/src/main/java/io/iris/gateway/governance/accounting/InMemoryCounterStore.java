package io.iris.gateway.governance.accounting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The counters of one gateway instance, in a {@link ConcurrentHashMap}. Thread-safe: admissions read the map
 * without locking and reserve on each {@link LiveCounter} by compare-and-set.
 */
public final class InMemoryCounterStore implements CounterStore {
    private final ConcurrentMap<CounterKey, LiveCounter> counters = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryCounterStore() {
        this(Clock.systemUTC());
    }

    /** {@code clock} dates restored and reconfigured windows in {@link #sync}. */
    public InMemoryCounterStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void sync(Collection<CounterSpec> specs) {
        Instant now = clock.instant();
        Set<CounterKey> present = new HashSet<>();
        for (CounterSpec spec : specs) {
            present.add(spec.key());
            counters.compute(spec.key(), (key, existing) -> {
                if (existing == null) {
                    return new LiveCounter(spec, now);
                }
                existing.reconfigure(spec, now);
                return existing;
            });
        }
        counters.keySet().retainAll(present);
    }

    @Override
    public Optional<LiveCounter> counter(CounterKey key) {
        return Optional.ofNullable(counters.get(key));
    }

    @Override
    public Admission admit(List<Claim> claims, Instant now) {
        List<Taken> taken = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            LiveCounter counter = counters.get(claim.key());
            if (counter == null || alreadyTaken(taken, claim.key())) {
                continue;
            }
            Optional<LiveCounter.Hold> hold = counter.tryReserve(claim.amount(), now);
            if (hold.isEmpty()) {
                taken.forEach(t -> t.counter.release(t.hold, now));
                return Admission.refused(claim.key(), counter.secondsToWindowEnd(now));
            }
            taken.add(new Taken(counter, hold.get()));
        }
        return Admission.admitted(new HeldReservation(taken));
    }

    @Override
    public List<Flush> changedSinceLastFlush() {
        List<Flush> flushes = new ArrayList<>();
        for (LiveCounter counter : counters.values()) {
            counter.takeFlush().ifPresent(flushes::add);
        }
        return flushes;
    }

    @Override
    public void flushFailed(Collection<Flush> flushes) {
        for (Flush flush : flushes) {
            LiveCounter counter = counters.get(flush.key());
            if (counter != null) {
                counter.flushFailed(flush);
            }
        }
    }

    private static boolean alreadyTaken(List<Taken> taken, CounterKey key) {
        for (Taken t : taken) {
            if (t.counter.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private record Taken(LiveCounter counter, LiveCounter.Hold hold) {
    }

    /**
     * Holds on the counters themselves (not on keys), so a request admitted before a counter was dropped or
     * replaced settles on the counter it reserved on.
     */
    private static final class HeldReservation implements Reservation {
        private final List<Taken> taken;
        private final AtomicBoolean ended = new AtomicBoolean();

        HeldReservation(List<Taken> taken) {
            this.taken = List.copyOf(taken);
        }

        @Override
        public void settle(Map<CounterKey, Long> actualByKey, Instant now) {
            if (ended.compareAndSet(false, true)) {
                for (Taken t : taken) {
                    Long actual = actualByKey.get(t.counter.key());
                    t.counter.settle(t.hold, actual == null ? 0 : actual, now);
                }
            }
        }

        @Override
        public void release(Instant now) {
            if (ended.compareAndSet(false, true)) {
                taken.forEach(t -> t.counter.release(t.hold, now));
            }
        }
    }
}
