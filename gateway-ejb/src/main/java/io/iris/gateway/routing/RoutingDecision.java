package io.iris.gateway.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the routing rules send a request, and why. Immutable.
 *
 * @param provider  the provider after the rules ({@code ""}: still none, the model is resolved as a bare name)
 * @param model     the model after the rules
 * @param keyId     the provider key the deciding target pins, if any
 * @param rule      the name of the last rule that decided, empty when no rule matched
 * @param fallbacks the last deciding rule's fallbacks when it has any; they replace the request's
 * @param trace     every step of the decision
 */
public record RoutingDecision(String provider, String model, Optional<UUID> keyId, Optional<String> rule,
                              Optional<List<String>> fallbacks, RoutingTrace trace) {
    public RoutingDecision {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(rule, "rule");
        fallbacks = fallbacks.map(List::copyOf);
        Objects.requireNonNull(trace, "trace");
    }

    /** Whether a rule decided. */
    public boolean decided() {
        return rule.isPresent();
    }
}
