package io.iris.gateway.routing.cel;

/**
 * The bounds that keep a routing rule cheap to evaluate on the request path.
 *
 * <p>cel-java 0.14 has no static cost estimator, so the cost limit of API.md is enforced by these
 * deterministic bounds instead: the first four when a rule is written (a rule over any of them is
 * rejected with a {@link RuleCompilationException}), the last two on every evaluation (a rule that hits
 * them fails with a {@link RuleEvaluationException} and is skipped).
 */
public final class RuleLimits {

    /** Longest expression, in Unicode code points: a routing rule is a few clauses, not a program. */
    public static final int MAX_EXPRESSION_LENGTH = 4096;

    /** Most parsed AST nodes (after macro expansion): bounds the work done outside comprehensions. */
    public static final int MAX_AST_NODES = 500;

    /** Deepest parser recursion: keeps checker and interpreter stack use small and predictable. */
    public static final int MAX_NESTING_DEPTH = 100;

    /** Most comprehensions nested inside each other's loop: two already make the work quadratic. */
    public static final int MAX_COMPREHENSION_NESTING = 2;

    /** Iterations of all comprehensions together in one evaluation: about a millisecond at worst. */
    public static final int MAX_ITERATIONS = 10_000;

    /** Largest compiled regular expression (RE2 program size); headers may feed dynamic patterns. */
    public static final int MAX_REGEX_PROGRAM_SIZE = 1_000;

    private RuleLimits() {
    }
}
