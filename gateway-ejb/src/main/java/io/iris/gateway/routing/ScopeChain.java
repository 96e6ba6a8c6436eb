package io.iris.gateway.routing;

import java.util.List;

/**
 * The rule groups a caller's request tries, narrowest scope first, and the scopes they belong to (for the trace).
 * Immutable.
 */
record ScopeChain(List<RuleGroup> groups, List<TraceStep.Scope> scopes) {

    int ruleCount() {
        int count = 0;
        for (int i = 0; i < groups.size(); i++) {
            count += groups.get(i).size();
        }
        return count;
    }
}
