package io.iris.gateway.routing.cel;

import java.util.Map;

/** A bool variable on its own ({@code stream}) or compared with a bool literal ({@code stream == false}). */
final class FlagRequirement implements Requirement {

    private final String variable;
    private final boolean expected;

    FlagRequirement(String variable, boolean expected) {
        this.variable = variable;
        this.expected = expected;
    }

    @Override
    public String variable() {
        return variable;
    }

    @Override
    public Outcome test(Map<String, ?> activation) {
        return (Boolean) RuleRequirements.valueOf(activation, variable) == expected ? Outcome.HOLDS : Outcome.FAILS;
    }

    @Override
    public String unmetReason() {
        return variable + " is not " + expected;
    }

    @Override
    public String toString() {
        return variable + " == " + expected;
    }
}
