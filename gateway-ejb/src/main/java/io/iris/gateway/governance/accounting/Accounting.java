package io.iris.gateway.governance.accounting;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * The gateway's live budget and rate-limit counters and the accountant over them, one of each per server. The
 * counters are kept in memory; {@link CounterFlusher} writes them to the database every second and at shutdown,
 * and the next start restores them from there. Thread-safe.
 */
@ApplicationScoped
public class Accounting {
    private final CounterStore counters = new InMemoryCounterStore();
    private final BudgetAccountant accountant = new BudgetAccountant(counters, Clock.systemUTC());

    public CounterStore counters() {
        return counters;
    }

    public BudgetAccountant accountant() {
        return accountant;
    }
}
