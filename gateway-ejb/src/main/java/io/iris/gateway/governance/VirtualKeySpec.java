package io.iris.gateway.governance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A virtual key as an admin writes it. Null {@code isActive} means active; null {@code allowAllProviders}
 * means "all providers when no provider config is given"; {@code providerConfigs} and {@code budgets} are
 * never null.
 */
public record VirtualKeySpec(String name, UUID teamId, UUID customerId, Boolean isActive, Instant expiresAt,
                             Boolean allowAllProviders, List<ProviderConfigSpec> providerConfigs,
                             List<BudgetSpec> budgets, RateLimitSpec rateLimit) {

    /** What the key may do with one provider (named); lists null take the defaults. */
    public record ProviderConfigSpec(String provider, Double weight, List<String> allowedModels,
                                     List<String> blockedModels, List<String> keyIds, List<BudgetSpec> budgets,
                                     RateLimitSpec rateLimit) {
    }
}
