package io.iris.gateway.routing.cel;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule requires of a request that can be checked without evaluating CEL: the {@link Requirement}s among
 * its top-level {@code &&} conjuncts ({@code model == "gpt-4o" && ...} has one; {@code model == "gpt-4o" || ...}
 * has none). The routing engine checks them first, skips a rule whose requirement fails (the rule would be
 * false), and when every conjunct is a requirement and all hold, knows the rule matches without evaluating it.
 *
 * <p>Requirements are checked cheapest first: those on the prompt-token estimate and the capacity variables,
 * which are computed on demand, come last so that a failing requirement on the request spares computing them.
 *
 * <p>Built once per rule when the routing table is built; immutable and thread-safe.
 */
public final class RuleRequirements {

    private static final Set<String> COMPUTED_ON_DEMAND = Set.of(RoutingCelEnvironment.ESTIMATED_PROMPT_TOKENS,
            RoutingCelEnvironment.BUDGET_USED, RoutingCelEnvironment.RATE_LIMIT_USED,
            RoutingCelEnvironment.TOKENS_USED, RoutingCelEnvironment.REQUESTS_USED,
            RoutingCelEnvironment.VK_BUDGET_USED, RoutingCelEnvironment.TEAM_BUDGET_USED,
            RoutingCelEnvironment.CUSTOMER_BUDGET_USED);

    private static final RuleRequirements NONE_COMPLETE = new RuleRequirements(List.of(), true);
    private static final RuleRequirements NONE_PARTIAL = new RuleRequirements(List.of(), false);

    /** The answer of {@link #check}. */
    public enum Kind {
        /** Every conjunct is a requirement and each holds: the rule matches. */
        MATCHES,
        /** A requirement fails: the rule does not match. */
        FAILS,
        /** The requirements cannot tell: evaluate the expression. */
        EVALUATE
    }

    /**
     * The result of a check, with the unmet requirement's reason when it {@link Kind#FAILS}. Shared instances:
     * checking allocates nothing.
     */
    public record Verdict(Kind kind, Optional<String> reason) {
        private static final Verdict MATCHES = new Verdict(Kind.MATCHES, Optional.empty());
        private static final Verdict EVALUATE = new Verdict(Kind.EVALUATE, Optional.empty());

        public Verdict {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final Requirement[] requirements;
    private final Verdict[] failures;
    private final boolean complete;

    private RuleRequirements(List<Requirement> requirements, boolean complete) {
        this.requirements = requirements.stream()
                .sorted(Comparator.comparing(r -> COMPUTED_ON_DEMAND.contains(r.variable())))
                .toArray(Requirement[]::new);
        this.failures = new Verdict[this.requirements.length];
        for (int i = 0; i < failures.length; i++) {
            failures[i] = new Verdict(Kind.FAILS, Optional.of(this.requirements[i].unmetReason()));
        }
        this.complete = complete;
    }

    /** Analyses {@code rule}'s checked expression; a rule that matches everything has no requirement. */
    public static RuleRequirements of(CompiledRule rule) {
        return rule.checkedAst()
                .map(ast -> RequirementAnalyzer.analyse(ast.getExpr()))
                .map(analysis -> analysis.requirements().isEmpty()
                        ? (analysis.complete() ? NONE_COMPLETE : NONE_PARTIAL)
                        : new RuleRequirements(analysis.requirements(), analysis.complete()))
                .orElse(NONE_COMPLETE);
    }

    /** The requirements, in the order {@link #check} tests them. */
    public List<Requirement> requirements() {
        return List.of(requirements);
    }

    /** Whether the expression is nothing but its requirements (true for a rule that matches everything). */
    public boolean coversExpression() {
        return complete;
    }

    /**
     * Tests the requirements on {@code activation} in order and stops at the first that fails; reads only the
     * variables of the requirements it tests.
     */
    public Verdict check(Map<String, ?> activation) {
        boolean undecided = false;
        for (int i = 0; i < requirements.length; i++) {
            switch (requirements[i].test(activation)) {
                case FAILS -> {
                    return failures[i];
                }
                case UNDECIDED -> undecided = true;
                default -> {
                    // holds: go on
                }
            }
        }
        return complete && !undecided ? Verdict.MATCHES : Verdict.EVALUATE;
    }

    /** The value of {@code variable} in {@code activation}, or its default, as {@link CompiledRule} reads it. */
    static Object valueOf(Map<String, ?> activation, String variable) {
        Object value = activation.get(variable);
        return value != null ? value : RoutingCelEnvironment.defaults().get(variable);
    }

    @Override
    public String toString() {
        return "RuleRequirements" + List.of(requirements) + (complete ? "" : " + more");
    }
}
