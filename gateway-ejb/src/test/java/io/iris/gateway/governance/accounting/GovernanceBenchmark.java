package io.iris.gateway.governance.accounting;

import io.iris.gateway.governance.ResetPeriod;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.routing.CallerIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What governance adds to one request: admission (a reservation on every budget and rate limit on the path, all or
 * nothing) and the settlement after the call. {@code limits}: 0 (governance has nothing to do: the "off" case) or 9
 * (a budget and a request and token limit on the virtual key, its team and its customer, plus a budget on the
 * provider, the model config and the key's provider config: a heavily governed path). Two threads share the
 * counters, as requests do. Run with the {@code jmh} profile of this module.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(2)
public class GovernanceBenchmark {
    private static final CallerIdentity CALLER = new CallerIdentity(UUID.randomUUID().toString(), "app",
            UUID.randomUUID().toString(), "research", UUID.randomUUID().toString(), "acme");
    private static final Usage USAGE = new Usage(900, 300);

    @Param({"0", "9"})
    public int limits;

    private BudgetAccountant accountant;
    private LimitBook book;
    private final BudgetAccountant.Path path = new BudgetAccountant.Path(CALLER, "openai", "gpt-4o");

    @Setup
    public void setUp() {
        Instant now = Instant.now();
        List<CounterSpec> specs = new ArrayList<>();
        List<List<CounterKey>> places = new ArrayList<>();
        for (int place = 0; place < 6; place++) {
            List<CounterKey> keys = new ArrayList<>();
            if (limits > 0) {
                keys.add(spec(specs, CounterKey.Kind.BUDGET, Long.MAX_VALUE / 4, now));
                if (place < 3) {
                    keys.add(spec(specs, CounterKey.Kind.REQUESTS, Long.MAX_VALUE / 4, now));
                    keys.add(spec(specs, CounterKey.Kind.TOKENS, Long.MAX_VALUE / 4, now));
                }
            }
            places.add(keys);
        }
        InMemoryCounterStore store = new InMemoryCounterStore();
        store.sync(specs);
        accountant = new BudgetAccountant(store, Clock.systemUTC());
        book = new LimitBook(Map.of("openai", places.get(3)), Map.of(LimitBook.modelKey("gpt-4o", "openai"),
                places.get(4)), Map.of(LimitBook.keyProviderKey(CALLER.virtualKeyId(), "openai"), places.get(5)),
                Map.of(CALLER.virtualKeyId(), places.get(0)), Map.of(CALLER.teamId(), places.get(1)),
                Map.of(CALLER.customerId(), places.get(2)), specs, Map.of());
    }

    private static CounterKey spec(List<CounterSpec> specs, CounterKey.Kind kind, long limit, Instant now) {
        CounterKey key = new CounterKey(UUID.randomUUID(), kind);
        specs.add(new CounterSpec(key, limit, ResetPeriod.parse("1d").orElseThrow(), false, 0, now));
        return key;
    }

    @Benchmark
    public BudgetAccountant.Admission admitAndSettle() {
        BudgetAccountant.Admission admission = accountant.admit(book, path, 12_000);
        admission.settle(9_000, USAGE, Instant.now());
        return admission;
    }
}
