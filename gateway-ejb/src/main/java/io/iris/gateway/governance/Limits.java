package io.iris.gateway.governance;

import io.iris.gateway.common.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Validates and applies the budgets and rate limit of one {@link LimitHolder}, keeping usage where ids match. */
public final class Limits {
    private Limits() {
    }

    /**
     * @param current the holder being updated, or null on create (then no budget id may be given)
     * @param prefix  JSON path of the holder inside the request, "" at the top level
     */
    public static void validate(Validation v, String prefix, LimitHolder current,
                                List<BudgetSpec> budgets, RateLimitSpec rateLimit) {
        Set<UUID> known = current == null ? Set.of()
                : current.getBudgets().stream().map(Budget::getId).collect(Collectors.toSet());
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < budgets.size(); i++) {
            String path = prefix + "budgets[" + i + "]";
            BudgetSpec budget = budgets.get(i);
            budget.validate(v, path);
            if (budget.id() != null) {
                v.check(known.contains(budget.id()), path + ".id", "is not a budget of this resource");
                v.check(seen.add(budget.id()), path + ".id", "appears twice");
            }
        }
        if (rateLimit != null) {
            rateLimit.validate(v, prefix + "rate_limit");
        }
    }

    public static void apply(LimitHolder holder, List<BudgetSpec> specs, RateLimitSpec rateLimit, Instant now) {
        Map<UUID, Budget> existing = holder.getBudgets().stream()
                .collect(Collectors.toMap(Budget::getId, Function.identity()));
        List<Budget> next = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            BudgetSpec spec = specs.get(i);
            Budget kept = spec.id() == null ? null : existing.get(spec.id());
            if (kept == null) {
                next.add(new Budget(spec, i, now));
            } else {
                kept.apply(spec, i);
                next.add(kept);
            }
        }
        holder.getBudgets().clear();
        holder.getBudgets().addAll(next);

        if (rateLimit == null) {
            holder.setRateLimit(null);
        } else if (holder.getRateLimit() == null) {
            holder.setRateLimit(new RateLimit(rateLimit, now));
        } else {
            holder.getRateLimit().apply(rateLimit, now);
        }
    }
}
