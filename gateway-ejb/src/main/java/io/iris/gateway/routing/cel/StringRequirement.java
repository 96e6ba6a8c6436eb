package io.iris.gateway.routing.cel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A string variable compared with literals: {@code ==}, {@code !=}, {@code in [...]}, {@code startsWith}, ... */
final class StringRequirement implements Requirement {

    enum Test { EQUALS, NOT_EQUALS, IN, STARTS_WITH, ENDS_WITH, CONTAINS }

    private final String variable;
    private final Test test;
    private final String literal;
    private final Set<String> literals;
    private final String unmetReason;

    private StringRequirement(String variable, Test test, String literal, Set<String> literals, String unmetReason) {
        this.variable = variable;
        this.test = test;
        this.literal = literal;
        this.literals = literals;
        this.unmetReason = unmetReason;
    }

    static StringRequirement of(String variable, Test test, String literal) {
        String reason = switch (test) {
            case EQUALS -> " is not ";
            case NOT_EQUALS -> " is ";
            case STARTS_WITH -> " does not start with ";
            case ENDS_WITH -> " does not end with ";
            case CONTAINS -> " does not contain ";
            case IN -> throw new IllegalArgumentException("use oneOf");
        };
        return new StringRequirement(variable, test, literal, Set.of(), variable + reason + quoted(literal));
    }

    static StringRequirement oneOf(String variable, List<String> literals) {
        String listed = literals.stream().distinct().map(StringRequirement::quoted).collect(Collectors.joining(", "));
        return new StringRequirement(variable, Test.IN, "", Set.copyOf(literals),
                variable + " is not one of [" + listed + "]");
    }

    @Override
    public String variable() {
        return variable;
    }

    @Override
    public Outcome test(Map<String, ?> activation) {
        String value = (String) RuleRequirements.valueOf(activation, variable);
        boolean holds = switch (test) {
            case EQUALS -> value.equals(literal);
            case NOT_EQUALS -> !value.equals(literal);
            case IN -> literals.contains(value);
            case STARTS_WITH -> value.startsWith(literal);
            case ENDS_WITH -> value.endsWith(literal);
            case CONTAINS -> value.contains(literal);
        };
        return holds ? Outcome.HOLDS : Outcome.FAILS;
    }

    @Override
    public String unmetReason() {
        return unmetReason;
    }

    static String quoted(String literal) {
        return "'" + literal + "'";
    }

    @Override
    public String toString() {
        return switch (test) {
            case EQUALS -> variable + " == " + quoted(literal);
            case NOT_EQUALS -> variable + " != " + quoted(literal);
            case IN -> variable + " in " + literals.stream().sorted().map(StringRequirement::quoted).toList();
            case STARTS_WITH -> variable + ".startsWith(" + quoted(literal) + ")";
            case ENDS_WITH -> variable + ".endsWith(" + quoted(literal) + ")";
            case CONTAINS -> variable + ".contains(" + quoted(literal) + ")";
        };
    }
}
