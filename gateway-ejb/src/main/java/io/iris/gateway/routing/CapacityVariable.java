package io.iris.gateway.routing;

import io.iris.gateway.routing.cel.RoutingCelEnvironment;

/** The capacity variables of the CEL environment (API.md §2), each a percentage. */
public enum CapacityVariable {
    BUDGET_USED(RoutingCelEnvironment.BUDGET_USED),
    RATE_LIMIT_USED(RoutingCelEnvironment.RATE_LIMIT_USED),
    TOKENS_USED(RoutingCelEnvironment.TOKENS_USED),
    REQUESTS_USED(RoutingCelEnvironment.REQUESTS_USED),
    VK_BUDGET_USED(RoutingCelEnvironment.VK_BUDGET_USED),
    TEAM_BUDGET_USED(RoutingCelEnvironment.TEAM_BUDGET_USED),
    CUSTOMER_BUDGET_USED(RoutingCelEnvironment.CUSTOMER_BUDGET_USED);

    private final String variable;

    CapacityVariable(String variable) {
        this.variable = variable;
    }

    /** The CEL variable name. */
    public String variable() {
        return variable;
    }
}
