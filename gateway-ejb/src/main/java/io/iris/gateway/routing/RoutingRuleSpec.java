package io.iris.gateway.routing;

import java.util.List;
import java.util.UUID;

/**
 * A routing rule as an admin writes it. Nulls take defaults: enabled, global scope, priority 0, an empty
 * expression (matches everything), no fallbacks, not a chain rule. {@code targets} is never null.
 */
public record RoutingRuleSpec(String name, String description, Boolean enabled, String scope, UUID scopeId,
                              Integer priority, String celExpression, List<TargetSpec> targets,
                              List<String> fallbacks, Boolean chainRule) {

    /** One weighted target; {@code provider} is a provider name, null to keep the request's provider. */
    public record TargetSpec(String provider, String model, UUID keyId, Double weight) {
    }
}
