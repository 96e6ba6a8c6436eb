package io.iris.gateway.providers;

import io.iris.gateway.governance.BudgetSpec;
import io.iris.gateway.governance.RateLimitSpec;
import java.util.List;

/**
 * A provider as an admin writes it. {@code keys} null keeps the current keys (they also have their own
 * resource); a list replaces them, keys matched by id. {@code network} null takes the defaults.
 */
public record ProviderSpec(String name, String type, String baseUrl, String apiVersion, List<String> models,
                           NetworkSettings network, List<ProviderKeySpec> keys, List<BudgetSpec> budgets,
                           RateLimitSpec rateLimit) {
}
