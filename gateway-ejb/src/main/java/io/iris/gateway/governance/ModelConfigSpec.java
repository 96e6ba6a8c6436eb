package io.iris.gateway.governance;

import java.util.List;

/** A model config as an admin writes it; {@code provider} is a provider name, null for any provider. */
public record ModelConfigSpec(String name, String model, String provider, List<BudgetSpec> budgets,
                              RateLimitSpec rateLimit) {
}
