package io.iris.gateway.governance.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.governance.ResetPeriod;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.CapacityVariable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BudgetAccountantTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final CallerIdentity CALLER = new CallerIdentity(UUID.randomUUID().toString(), "app",
            UUID.randomUUID().toString(), "research", UUID.randomUUID().toString(), "acme");

    private final List<CounterSpec> specs = new ArrayList<>();
    private final InMemoryCounterStore store = new InMemoryCounterStore(CLOCK);

    private CounterKey counter(CounterKey.Kind kind, long limit, long used) {
        CounterKey key = new CounterKey(UUID.randomUUID(), kind);
        specs.add(new CounterSpec(key, limit, ResetPeriod.parse("1h").orElseThrow(), false, used,
                NOW.minusSeconds(600)));
        return key;
    }

    private LimitBook book(Map<String, List<CounterKey>> providers, Map<String, List<CounterKey>> teams) {
        store.sync(specs);
        return new LimitBook(providers, Map.of(), Map.of(), Map.of(), teams, Map.of(), specs, Map.of());
    }

    private BudgetAccountant.Admission admit(LimitBook book, long estimate) {
        return new BudgetAccountant(store, CLOCK).admit(book, new BudgetAccountant.Path(CALLER, "openai",
                "gpt-4o"), estimate);
    }

    @Test
    void admit_teamBudgetUsedUp_refusedAsTheCallersOwnWith402() {
        CounterKey teamBudget = counter(CounterKey.Kind.BUDGET, 1_000_000, 1_000_000);
        LimitBook book = book(Map.of(), Map.of(CALLER.teamId(), List.of(teamBudget)));

        BudgetAccountant.Admission admission = admit(book, 10);

        assertFalse(admission.admitted());
        assertTrue(admission.callersOwn());
        assertEquals(ErrorType.BUDGET_EXCEEDED, admission.refusal().type());
        assertEquals(3000, ((LimitExceededException) admission.refusal()).retryAfterSeconds());
    }

    @Test
    void admit_providerRequestLimitReached_refusedAsTheTargetsWith429() {
        CounterKey requests = counter(CounterKey.Kind.REQUESTS, 2, 2);
        LimitBook book = book(Map.of("openai", List.of(requests)), Map.of());

        BudgetAccountant.Admission admission = admit(book, 10);

        assertFalse(admission.callersOwn());
        assertEquals(ErrorType.REQUEST_LIMITED, admission.refusal().type());
    }

    @Test
    void settle_servedCall_budgetsChargedCostTokensChargedUsageRequestsCountedOnce() {
        CounterKey budget = counter(CounterKey.Kind.BUDGET, 100_000_000, 0);
        CounterKey requests = counter(CounterKey.Kind.REQUESTS, 10, 0);
        CounterKey tokens = counter(CounterKey.Kind.TOKENS, 1000, 0);
        LimitBook book = book(Map.of("openai", List.of(budget, requests, tokens)), Map.of());

        BudgetAccountant.Admission admission = admit(book, 5_000_000);
        admission.settle(3_000_000, new Usage(20, 30), NOW);

        assertEquals(3_000_000, store.counter(budget).orElseThrow().used(NOW));
        assertEquals(1, store.counter(requests).orElseThrow().used(NOW));
        assertEquals(50, store.counter(tokens).orElseThrow().used(NOW));
        assertEquals(0, store.counter(budget).orElseThrow().reserved(NOW));
    }

    @Test
    void release_failedCall_nothingCharged() {
        CounterKey budget = counter(CounterKey.Kind.BUDGET, 100_000_000, 0);
        CounterKey requests = counter(CounterKey.Kind.REQUESTS, 10, 0);
        LimitBook book = book(Map.of("openai", List.of(budget, requests)), Map.of());

        admit(book, 5_000_000).release(NOW);

        assertEquals(0, store.counter(budget).orElseThrow().used(NOW));
        assertEquals(0, store.counter(requests).orElseThrow().used(NOW));
        assertEquals(0, store.counter(budget).orElseThrow().reserved(NOW));
    }

    @Test
    void liveCapacity_budgetAndRateLimitOnThePath_percentagesFromTheCounters() {
        CounterKey budget = counter(CounterKey.Kind.BUDGET, 10_000_000, 8_500_000);
        CounterKey requests = counter(CounterKey.Kind.REQUESTS, 100, 20);
        CounterKey tokens = counter(CounterKey.Kind.TOKENS, 1000, 600);
        CounterKey teamBudget = counter(CounterKey.Kind.BUDGET, 4_000_000, 1_000_000);
        LimitBook book = book(Map.of("openai", List.of(budget, requests, tokens)),
                Map.of(CALLER.teamId(), List.of(teamBudget)));
        LiveCapacity capacity = new LiveCapacity(book, store, CLOCK);

        assertEquals(85.0, capacity.percentUsed(CapacityVariable.BUDGET_USED, "openai", "gpt-4o", CALLER), 1e-9);
        assertEquals(60.0, capacity.percentUsed(CapacityVariable.RATE_LIMIT_USED, "openai", "m", CALLER), 1e-9);
        assertEquals(20.0, capacity.percentUsed(CapacityVariable.REQUESTS_USED, "openai", "m", CALLER), 1e-9);
        assertEquals(25.0, capacity.percentUsed(CapacityVariable.TEAM_BUDGET_USED, "", "m", CALLER), 1e-9);
        assertEquals(0.0, capacity.percentUsed(CapacityVariable.BUDGET_USED, "anthropic", "m", CALLER), 1e-9);
        assertEquals(0.0, capacity.percentUsed(CapacityVariable.VK_BUDGET_USED, "", "m", CALLER), 1e-9);
    }
}
