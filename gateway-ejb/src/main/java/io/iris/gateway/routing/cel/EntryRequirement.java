package io.iris.gateway.routing.cel;

import java.util.Map;

/**
 * A header or query parameter, looked up by a literal key, equal to a string literal:
 * {@code headers["x-region"] == "eu"} or {@code params.mode == "fast"}. A missing key is undecided: CEL reports it
 * as an error, which the rule's other conjuncts may turn into false or into another error.
 */
final class EntryRequirement implements Requirement {

    private final String variable;
    private final String key;
    private final String expected;
    private final String unmetReason;

    EntryRequirement(String variable, String key, String expected) {
        this.variable = variable;
        this.key = key;
        this.expected = expected;
        String noun = variable.equals(RoutingCelEnvironment.HEADERS) ? "header " : "param ";
        // the reason names the rule's literal, never the request's value
        this.unmetReason = noun + StringRequirement.quoted(key) + " is not " + StringRequirement.quoted(expected);
    }

    @Override
    public String variable() {
        return variable;
    }

    @Override
    public Outcome test(Map<String, ?> activation) {
        Object value = ((Map<?, ?>) RuleRequirements.valueOf(activation, variable)).get(key);
        if (value == null) {
            return Outcome.UNDECIDED;
        }
        return expected.equals(value) ? Outcome.HOLDS : Outcome.FAILS;
    }

    @Override
    public String unmetReason() {
        return unmetReason;
    }

    @Override
    public String toString() {
        return variable + "[" + StringRequirement.quoted(key) + "] == " + StringRequirement.quoted(expected);
    }
}
