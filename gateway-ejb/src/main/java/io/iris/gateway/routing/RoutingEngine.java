package io.iris.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides where a request goes by its routing rules (API.md §2), in memory and without side effects beyond
 * reading capacity and the prompt-token estimate.
 *
 * <p>The scope chain is tried narrowest first: the caller's virtual key, its team, its customer, then the global
 * rules (a scope whose id is empty is left out); the first rule whose expression is true decides, so a rule of a
 * narrower scope beats any rule of a wider one whatever the priorities. The deciding rule's target is picked by
 * weight; a target without provider or model keeps the current one. A deciding chain rule starts another pass
 * with the new provider and model; a rule decides at most once per request and at most {@code maxDepth} passes
 * decide. The last deciding rule names the decision, its target's key pin (or none) stands, and the last deciding
 * rule that has fallbacks sets them.
 *
 * <p>Thread-safe and lock-free: a decision keeps all its state on its own stack and objects.
 */
public final class RoutingEngine {

    private final RandomSource random;
    private final TargetHealth health;

    /** An engine that picks targets by their configured weights alone. */
    public RoutingEngine(RandomSource random) {
        this(random, TargetHealth.NEUTRAL);
    }

    /** An engine that scales each target's weight by the health of its provider. */
    public RoutingEngine(RandomSource random, TargetHealth health) {
        this.random = Objects.requireNonNull(random, "random");
        this.health = Objects.requireNonNull(health, "health");
    }

    /**
     * @param maxDepth how many passes over the scope chain may decide (configuration
     *                 {@code routing_chain_max_depth}, 10 by default); at least 1
     * @throws IllegalArgumentException when {@code maxDepth} is below 1
     */
    public RoutingDecision decide(RoutingRequest request, RoutingTable table, CapacityView capacity, int maxDepth) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(capacity, "capacity");
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, not " + maxDepth);
        }
        ScopeChain chain = table.chainFor(request.caller());
        RuleActivation.Request shared = new RuleActivation.Request(request, capacity);
        String provider = request.provider();
        String model = request.model();
        UUID keyId = null;
        List<String> fallbacks = null;
        List<RouteRule> decided = new ArrayList<>(2);
        List<TraceStep> steps = new ArrayList<>(2);
        for (int step = 0; ; step++) {
            RuleActivation activation = new RuleActivation(shared, provider, model);
            List<RuleTrace> rules = new ArrayList<>(chain.ruleCount());
            RouteRule rule = RuleMatcher.firstMatch(chain, activation, request, decided, rules);
            if (rule == null) {
                steps.add(new TraceStep(step, provider, model, chain.scopes(), rules, activation.capacityRead(),
                        Optional.empty(), Optional.empty(), TraceStep.Outcome.NO_MATCH));
                break;
            }
            decided.add(rule);
            Optional<TraceStep.Target> target = choose(rule, provider, model);
            if (target.isPresent()) {
                provider = target.get().provider();
                model = target.get().model();
                keyId = target.get().keyId().orElse(null);
            } else {
                keyId = null;
            }
            if (!rule.fallbacks().isEmpty()) {
                fallbacks = rule.fallbacks();
            }
            TraceStep.Outcome outcome = !rule.chainRule() ? TraceStep.Outcome.DECIDED
                    : decided.size() >= maxDepth ? TraceStep.Outcome.MAX_DEPTH : TraceStep.Outcome.CHAINED;
            steps.add(new TraceStep(step, activation.provider(), activation.model(), chain.scopes(), rules,
                    activation.capacityRead(), Optional.of(rule.name()), target, outcome));
            if (outcome != TraceStep.Outcome.CHAINED) {
                break;
            }
        }
        Optional<String> ruleName = decided.isEmpty()
                ? Optional.empty() : Optional.of(decided.get(decided.size() - 1).name());
        return new RoutingDecision(provider, model, Optional.ofNullable(keyId), ruleName,
                Optional.ofNullable(fallbacks), new RoutingTrace(steps));
    }

    /**
     * The deciding rule's target, by effective weight, with the current provider and model filled in; empty
     * without any.
     */
    private Optional<TraceStep.Target> choose(RouteRule rule, String provider, String model) {
        List<RouteTarget> targets = rule.targets();
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        double[] effective = targets.size() > 1
                ? WeightedChoice.effectiveWeights(targets, provider, health) : new double[] {1.0};
        int index = WeightedChoice.pick(targets, effective, targets.size() > 1 ? random.nextDouble() : 0.0);
        RouteTarget target = targets.get(index);
        return Optional.of(new TraceStep.Target(target.providerName().orElse(provider),
                target.modelName().orElse(model), target.pinnedKey(), target.weight(), effective[index], index));
    }
}
