package io.iris.gateway.routing.cel;

import java.util.Map;

/**
 * A top-level conjunct of a rule ({@code A && B && ...}) simple enough to test on an activation without CEL,
 * such as {@code model == "gpt-4o"}, {@code model.startsWith("claude")}, {@code headers["x-region"] == "eu"} or
 * {@code budget_used > 80.0}. Found by {@link RuleRequirements}.
 *
 * <p>When a requirement fails, the whole rule is false: CEL's {@code &&} is false as soon as one operand is false,
 * even when another operand fails to evaluate. A test gives {@link Outcome#UNDECIDED} whenever it cannot be sure
 * of CEL's answer (a missing map key, which CEL reports as an error, or a NaN); the caller then evaluates the
 * expression. Immutable and thread-safe.
 */
public sealed interface Requirement permits StringRequirement, EntryRequirement, NumberRequirement, FlagRequirement {

    /** What a test found out about the conjunct. */
    enum Outcome { HOLDS, FAILS, UNDECIDED }

    /** The CEL variable the requirement reads. */
    String variable();

    /**
     * Tests the requirement on {@code activation}, read as {@link CompiledRule#matches} reads it (a missing
     * variable takes its default).
     */
    Outcome test(Map<String, ?> activation);

    /** Why a request fails the requirement, for the trace, e.g. {@code model is not 'gpt-4o'}. */
    String unmetReason();
}
