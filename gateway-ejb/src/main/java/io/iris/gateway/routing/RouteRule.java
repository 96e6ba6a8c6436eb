package io.iris.gateway.routing;

import io.iris.gateway.routing.cel.CompiledRule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An enabled routing rule ready for the request path: its expression compiled, its targets by provider name.
 * Immutable.
 *
 * @param scopeId   the customer, team or virtual key the rule belongs to; null for global rules
 * @param createdAt breaks ties between rules of equal priority (earlier first)
 */
public record RouteRule(UUID id, String name, RuleScope scope, UUID scopeId, int priority, Instant createdAt,
                        CompiledRule expression, List<RouteTarget> targets, List<String> fallbacks,
                        boolean chainRule) {
    public RouteRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expression, "expression");
        targets = List.copyOf(targets);
        fallbacks = List.copyOf(fallbacks);
    }

    /**
     * Each target's weight after its provider's health, as the engine picks by; a target without a provider is
     * weighed by {@code currentProvider}'s health.
     */
    public double[] effectiveWeights(TargetHealth health, String currentProvider) {
        return WeightedChoice.effectiveWeights(targets, currentProvider, health);
    }
}
