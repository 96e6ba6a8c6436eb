package io.iris.gateway.routing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One pass over the scope chain in a routing decision: the first, and one more for each chain rule that decided.
 * Immutable.
 *
 * @param provider  the current provider the step's rules saw ({@code ""} when none yet)
 * @param model     the current model the step's rules saw
 * @param scopes    the scopes tried, narrowest first, ending with global
 * @param rules     every rule reached, in the order tried; rules after the deciding one are not listed
 * @param capacity  the capacity variables read in this step and their values, only those a rule read
 * @param decidedBy the name of the rule that decided in this step
 * @param target    the target the deciding rule chose
 */
public record TraceStep(int step, String provider, String model, List<Scope> scopes, List<RuleTrace> rules,
                        Map<CapacityVariable, Double> capacity, Optional<String> decidedBy, Optional<Target> target,
                        Outcome outcome) {

    /**
     * How the step ended: a rule decided and the decision is final; a chain rule decided and another step follows;
     * no rule matched (the values so far stand); or a chain rule decided when the maximum depth was reached, so
     * no step follows.
     */
    public enum Outcome {
        DECIDED, CHAINED, NO_MATCH, MAX_DEPTH;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A scope in the chain; the id is empty for the global scope. */
    public record Scope(RuleScope scope, Optional<String> scopeId) {
        public Scope {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(scopeId, "scopeId");
        }
    }

    /**
     * The chosen target, with the provider and model the request goes on with (a target's null provider or model
     * already replaced by the current one).
     *
     * @param weight          the target's weight as configured
     * @param effectiveWeight its weight after the health of its provider, what the pick used
     * @param index           the target's position in the rule's list
     */
    public record Target(String provider, String model, Optional<UUID> keyId, double weight, double effectiveWeight,
                         int index) {
        public Target {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(keyId, "keyId");
        }
    }

    public TraceStep {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        scopes = List.copyOf(scopes);
        rules = List.copyOf(rules);
        capacity = capacity.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(capacity));
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
    }
}
