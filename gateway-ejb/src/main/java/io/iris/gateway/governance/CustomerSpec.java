package io.iris.gateway.governance;

import java.util.List;

/** A customer as an admin writes it; {@code budgets} is never null (empty when none were sent). */
public record CustomerSpec(String name, List<BudgetSpec> budgets, RateLimitSpec rateLimit) {
}
