package io.iris.gateway.governance;

import java.util.List;
import java.util.UUID;

/** A team as an admin writes it; {@code customerId} null leaves the team outside any customer. */
public record TeamSpec(String name, UUID customerId, List<BudgetSpec> budgets, RateLimitSpec rateLimit) {
}
