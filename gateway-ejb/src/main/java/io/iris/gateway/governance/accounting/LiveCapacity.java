package io.iris.gateway.governance.accounting;

import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.CapacityVariable;
import io.iris.gateway.routing.CapacityView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The routing rules' capacity variables (API.md §2) from the live counters, so a rule such as
 * {@code budget_used > 80} moves traffic as soon as usage crosses: {@code budget_used} is the highest of the
 * budgets on model and provider, model only, the provider and the caller's config for that provider;
 * {@code rate_limit_used} the same for rate limits (the higher of the request and token percentages); the
 * caller's own budgets separately. Thread-safe; no lock, no database.
 */
public final class LiveCapacity implements CapacityView {
    private final LimitBook book;
    private final CounterStore counters;
    private final Clock clock;

    public LiveCapacity(LimitBook book, CounterStore counters, Clock clock) {
        this.book = book;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public double percentUsed(CapacityVariable variable, String provider, String model, CallerIdentity caller) {
        Instant now = clock.instant();
        return switch (variable) {
            case BUDGET_USED -> highest(book.targets(caller, provider, model), now, CounterKey.Kind.BUDGET, null);
            case RATE_LIMIT_USED -> highest(book.targets(caller, provider, model), now, CounterKey.Kind.REQUESTS,
                    CounterKey.Kind.TOKENS);
            case REQUESTS_USED -> highest(book.targets(caller, provider, model), now, CounterKey.Kind.REQUESTS, null);
            case TOKENS_USED -> highest(book.targets(caller, provider, model), now, CounterKey.Kind.TOKENS, null);
            case VK_BUDGET_USED -> highest(LimitBook.in(book.virtualKeys(), caller.virtualKeyId()), now,
                    CounterKey.Kind.BUDGET, null);
            case TEAM_BUDGET_USED -> highest(LimitBook.in(book.teams(), caller.teamId()), now,
                    CounterKey.Kind.BUDGET, null);
            case CUSTOMER_BUDGET_USED -> highest(LimitBook.in(book.customers(), caller.customerId()), now,
                    CounterKey.Kind.BUDGET, null);
        };
    }

    private double highest(List<CounterKey> keys, Instant now, CounterKey.Kind kind, CounterKey.Kind orKind) {
        double highest = 0.0;
        for (CounterKey key : keys) {
            if (key.kind() == kind || key.kind() == orKind) {
                Optional<LiveCounter> counter = counters.counter(key);
                if (counter.isPresent()) {
                    highest = Math.max(highest, counter.get().percentUsed(now));
                }
            }
        }
        return highest;
    }
}
