package io.iris.gateway.governance.accounting;

import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.CapacityVariable;
import io.iris.gateway.routing.CapacityView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Capacity from the usage recorded with the configuration ({@link UsageBook}), as API.md §2 defines it:
 * {@code budget_used} is the highest of the budgets on model+provider, model only, the provider and the caller's
 * config for that provider; {@code rate_limit_used} the same for rate limits (the higher of the request and
 * token percentages); the caller's own budgets separately. Thread-safe; no lock, no database.
 */
public final class RecordedCapacity implements CapacityView {
    private final UsageBook book;
    private final Clock clock;

    public RecordedCapacity(UsageBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    @Override
    public double percentUsed(CapacityVariable variable, String provider, String model, CallerIdentity caller) {
        Instant now = clock.instant();
        return switch (variable) {
            case BUDGET_USED -> highest(path(provider, model, caller), now, Part.BUDGET);
            case RATE_LIMIT_USED -> Math.max(highest(path(provider, model, caller), now, Part.REQUESTS),
                    highest(path(provider, model, caller), now, Part.TOKENS));
            case REQUESTS_USED -> highest(path(provider, model, caller), now, Part.REQUESTS);
            case TOKENS_USED -> highest(path(provider, model, caller), now, Part.TOKENS);
            case VK_BUDGET_USED -> UsageBook.in(book.virtualKeys(), caller.virtualKeyId()).budgetPercent(now);
            case TEAM_BUDGET_USED -> UsageBook.in(book.teams(), caller.teamId()).budgetPercent(now);
            case CUSTOMER_BUDGET_USED -> UsageBook.in(book.customers(), caller.customerId()).budgetPercent(now);
        };
    }

    private enum Part { BUDGET, REQUESTS, TOKENS }

    /** The limits on the path of one provider and model. */
    private List<LimitUsage> path(String provider, String model, CallerIdentity caller) {
        return List.of(
                UsageBook.in(book.models(), UsageBook.modelKey(model, provider)),
                UsageBook.in(book.models(), UsageBook.modelKey(model, "")),
                UsageBook.in(book.providers(), provider),
                caller.virtualKeyId().isEmpty() ? LimitUsage.NONE
                        : UsageBook.in(book.keyProviderConfigs(),
                        UsageBook.keyProviderKey(caller.virtualKeyId(), provider)));
    }

    private static double highest(List<LimitUsage> holders, Instant now, Part part) {
        double highest = 0.0;
        for (LimitUsage holder : holders) {
            double percent = switch (part) {
                case BUDGET -> holder.budgetPercent(now);
                case REQUESTS -> holder.requestPercent(now);
                case TOKENS -> holder.tokenPercent(now);
            };
            highest = Math.max(highest, percent);
        }
        return highest;
    }
}
