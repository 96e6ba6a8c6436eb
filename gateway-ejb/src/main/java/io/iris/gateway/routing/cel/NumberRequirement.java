package io.iris.gateway.routing.cel;

import java.util.Map;

/**
 * An int or double variable compared with a number literal: {@code max_tokens > 4000}, {@code budget_used >= 80}.
 * Comparisons follow cel-java exactly: double with double by Java's operators; int with double (allowed by the
 * environment's heterogeneous comparisons) the way cel-java's {@code ComparisonFunctions} does, with
 * {@link Double#compare}. A NaN variable is left undecided rather than second-guessed.
 */
final class NumberRequirement implements Requirement {

    private final String variable;
    private final boolean doubleVariable;
    private final Comparison comparison;
    private final Number literal;

    /** @param literal a {@link Long} or a {@link Double}; equality only between the same types, as CEL checks */
    NumberRequirement(String variable, boolean doubleVariable, Comparison comparison, Number literal) {
        this.variable = variable;
        this.doubleVariable = doubleVariable;
        this.comparison = comparison;
        this.literal = literal;
    }

    @Override
    public String variable() {
        return variable;
    }

    @Override
    public Outcome test(Map<String, ?> activation) {
        Number value = (Number) RuleRequirements.valueOf(activation, variable);
        boolean holds;
        if (doubleVariable) {
            double d = value.doubleValue();
            if (Double.isNaN(d)) {
                return Outcome.UNDECIDED;
            }
            holds = literal instanceof Double l ? comparison.holds(d, l)
                    : comparison.holds(compareDoubleInt(d, literal.longValue()));
        } else {
            long l = value.longValue();
            holds = literal instanceof Long i ? comparison.holds(Long.compare(l, i))
                    : comparison.holds(-compareDoubleInt(literal.doubleValue(), l));
        }
        return holds ? Outcome.HOLDS : Outcome.FAILS;
    }

    // cel-java's ComparisonFunctions.compareDoubleInt: -0.0 sorts below 0 and NaN above everything
    private static int compareDoubleInt(double d, long l) {
        if (d < -9.223372036854776E18) {
            return -1;
        }
        if (d > 9.223372036854776E18) {
            return 1;
        }
        return Double.compare(d, (double) l);
    }

    @Override
    public String unmetReason() {
        return switch (comparison) {
            case EQ -> variable + " is not " + literal;
            case NE -> variable + " is " + literal;
            default -> variable + " is not " + comparison.symbol() + " " + literal;
        };
    }

    @Override
    public String toString() {
        return variable + " " + comparison.symbol() + " " + literal;
    }
}
