package io.iris.gateway.routing;

import io.iris.gateway.routing.cel.RoutingCelEnvironment;
import java.util.AbstractMap;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The CEL variables of one step of a decision, as a map that computes each value when a rule first reads it: the
 * prompt-token estimate at most once per request, each capacity variable at most once per step (for the step's
 * provider and model). Variables no rule reads cost nothing. Only {@link #get} is supported; the map cannot be
 * listed. Not thread-safe: it belongs to one decision.
 */
final class RuleActivation extends AbstractMap<String, Object> {

    private static final CapacityVariable[] CAPACITY = CapacityVariable.values();

    /** What the steps of one decision share. */
    static final class Request {
        private final RoutingRequest request;
        private final CapacityView capacity;
        private final Long maxTokens;
        private Long estimatedPromptTokens;

        Request(RoutingRequest request, CapacityView capacity) {
            this.request = request;
            this.capacity = capacity;
            this.maxTokens = request.maxTokens();
        }

        private Long estimatedPromptTokens() {
            if (estimatedPromptTokens == null) {
                estimatedPromptTokens = request.estimatedPromptTokens().getAsLong();
            }
            return estimatedPromptTokens;
        }
    }

    private final Request shared;
    private final String provider;
    private final String model;
    private final Double[] capacity = new Double[CAPACITY.length];

    RuleActivation(Request shared, String provider, String model) {
        this.shared = shared;
        this.provider = provider;
        this.model = model;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        RoutingRequest request = shared.request;
        CallerIdentity caller = request.caller();
        return switch (name) {
            case RoutingCelEnvironment.MODEL -> model;
            case RoutingCelEnvironment.PROVIDER -> provider;
            case RoutingCelEnvironment.REQUEST_TYPE -> request.requestType();
            case RoutingCelEnvironment.HEADERS -> request.headers();
            case RoutingCelEnvironment.PARAMS -> request.params();
            case RoutingCelEnvironment.VIRTUAL_KEY_ID -> caller.virtualKeyId();
            case RoutingCelEnvironment.VIRTUAL_KEY_NAME -> caller.virtualKeyName();
            case RoutingCelEnvironment.TEAM_ID -> caller.teamId();
            case RoutingCelEnvironment.TEAM_NAME -> caller.teamName();
            case RoutingCelEnvironment.CUSTOMER_ID -> caller.customerId();
            case RoutingCelEnvironment.CUSTOMER_NAME -> caller.customerName();
            case RoutingCelEnvironment.ESTIMATED_PROMPT_TOKENS -> shared.estimatedPromptTokens();
            case RoutingCelEnvironment.MAX_TOKENS -> shared.maxTokens;
            case RoutingCelEnvironment.STREAM -> request.stream();
            case RoutingCelEnvironment.BUDGET_USED -> capacity(CapacityVariable.BUDGET_USED);
            case RoutingCelEnvironment.RATE_LIMIT_USED -> capacity(CapacityVariable.RATE_LIMIT_USED);
            case RoutingCelEnvironment.TOKENS_USED -> capacity(CapacityVariable.TOKENS_USED);
            case RoutingCelEnvironment.REQUESTS_USED -> capacity(CapacityVariable.REQUESTS_USED);
            case RoutingCelEnvironment.VK_BUDGET_USED -> capacity(CapacityVariable.VK_BUDGET_USED);
            case RoutingCelEnvironment.TEAM_BUDGET_USED -> capacity(CapacityVariable.TEAM_BUDGET_USED);
            case RoutingCelEnvironment.CUSTOMER_BUDGET_USED -> capacity(CapacityVariable.CUSTOMER_BUDGET_USED);
            default -> null;
        };
    }

    private Double capacity(CapacityVariable variable) {
        int index = variable.ordinal();
        Double value = capacity[index];
        if (value == null) {
            value = shared.capacity.percentUsed(variable, provider, model, shared.request.caller());
            capacity[index] = value;
        }
        return value;
    }

    /** The capacity variables read so far in this step, with their values. */
    Map<CapacityVariable, Double> capacityRead() {
        Map<CapacityVariable, Double> read = null;
        for (int i = 0; i < capacity.length; i++) {
            if (capacity[i] != null) {
                if (read == null) {
                    read = new EnumMap<>(CapacityVariable.class);
                }
                read.put(CAPACITY[i], capacity[i]);
            }
        }
        return read == null ? Map.of() : read;
    }

    String provider() {
        return provider;
    }

    String model() {
        return model;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return RoutingCelEnvironment.variables().size();
    }

    /** Unsupported: listing the variables would compute every one of them. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        throw new UnsupportedOperationException("the routing activation computes variables on demand; use get");
    }

    // AbstractMap would compare and hash through entrySet
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "RuleActivation[provider=" + provider + ", model=" + model + "]";
    }
}
