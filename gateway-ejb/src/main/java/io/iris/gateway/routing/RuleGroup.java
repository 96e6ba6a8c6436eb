package io.iris.gateway.routing;

import io.iris.gateway.routing.cel.RuleRequirements;
import java.util.List;

/**
 * The rules of one scope and scope id in the order they are tried, each with what it requires of a request and
 * the header names it looks up (sorted, for the trace). Immutable.
 */
final class RuleGroup {

    static final RuleGroup EMPTY = new RuleGroup(List.of());

    private final RouteRule[] rules;
    private final RuleRequirements[] requirements;
    private final String[][] headerKeys;

    /** @param ordered the rules, already in the order they are tried */
    RuleGroup(List<RouteRule> ordered) {
        int size = ordered.size();
        this.rules = ordered.toArray(RouteRule[]::new);
        this.requirements = new RuleRequirements[size];
        this.headerKeys = new String[size][];
        for (int i = 0; i < size; i++) {
            requirements[i] = RuleRequirements.of(rules[i].expression());
            headerKeys[i] = rules[i].expression().referencedHeaderKeys().stream().sorted().toArray(String[]::new);
        }
    }

    int size() {
        return rules.length;
    }

    RouteRule rule(int index) {
        return rules[index];
    }

    RuleRequirements requirements(int index) {
        return requirements[index];
    }

    String[] headerKeys(int index) {
        return headerKeys[index];
    }

    List<RouteRule> rules() {
        return List.of(rules);
    }
}
