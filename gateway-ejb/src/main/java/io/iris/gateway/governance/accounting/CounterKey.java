package io.iris.gateway.governance.accounting;

import java.util.Objects;
import java.util.UUID;

/**
 * Names one live counter: a budget by its id, or one half of a rate limit (its requests or its tokens) by the rate
 * limit's id. Immutable.
 */
public record CounterKey(UUID limitId, Kind kind) {
    public enum Kind { BUDGET, REQUESTS, TOKENS }

    public CounterKey {
        Objects.requireNonNull(limitId, "limitId");
        Objects.requireNonNull(kind, "kind");
    }

    public static CounterKey budget(UUID budgetId) {
        return new CounterKey(budgetId, Kind.BUDGET);
    }

    public static CounterKey requests(UUID rateLimitId) {
        return new CounterKey(rateLimitId, Kind.REQUESTS);
    }

    public static CounterKey tokens(UUID rateLimitId) {
        return new CounterKey(rateLimitId, Kind.TOKENS);
    }
}
