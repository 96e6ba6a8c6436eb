package io.iris.gateway.proxy;

import io.iris.gateway.governance.accounting.BudgetAccountant;
import io.iris.gateway.governance.accounting.PriceBook;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.snapshot.GatewaySnapshot;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Governance for the attempts of one client request: admission against the budgets and rate limits on each
 * target's path with the request's estimated cost, and the actual cost of what was served. A model without a price
 * costs nothing and is reported once per provider and model. Not thread-safe (one call's attempts run one at a
 * time).
 */
final class CallAccounting {
    /** Output tokens assumed when the request sets no {@code max_tokens}. */
    static final long DEFAULT_MAX_TOKENS = 1024;
    private static final Logger LOG = Logger.getLogger(CallAccounting.class.getName());
    private static final Set<String> UNPRICED_REPORTED = ConcurrentHashMap.newKeySet();

    private final GatewaySnapshot snapshot;
    private final BudgetAccountant accountant;
    private final CallerIdentity caller;
    private final RequestJson body;
    private final UnpricedCalls unpriced;
    private long promptTokens = -1;

    /** Where a call to a model without a price is counted (the warning metric). */
    @FunctionalInterface
    interface UnpricedCalls {
        void count(String provider, String model);
    }

    CallAccounting(GatewaySnapshot snapshot, BudgetAccountant accountant, CallerIdentity caller, RequestJson body,
                   UnpricedCalls unpriced) {
        this.snapshot = snapshot;
        this.accountant = accountant;
        this.caller = caller;
        this.body = body;
        this.unpriced = unpriced;
    }

    BudgetAccountant.Admission admit(Target target) {
        long estimate = rate(target).map(rate -> rate.tokensCost(promptTokens(), maxTokens())).orElse(0L);
        return accountant.admit(snapshot.limits(), new BudgetAccountant.Path(caller, target.provider().name(),
                target.model()), estimate);
    }

    long costMicros(Target target, Usage usage) {
        Optional<PriceBook.Rate> rate = rate(target);
        if (rate.isEmpty()) {
            unpriced.count(target.provider().name(), target.model());
            return 0;
        }
        return rate.get().costMicros(usage);
    }

    private Optional<PriceBook.Rate> rate(Target target) {
        Optional<PriceBook.Rate> rate = snapshot.prices().rate(target.provider().name(),
                target.provider().type().wireName(), target.model());
        if (rate.isEmpty() && UNPRICED_REPORTED.add(target.provider().name() + "/" + target.model())) {
            LOG.warning(() -> "no price for model '" + target.model() + "' of provider '" + target.provider().name()
                    + "': its requests cost 0 until /api/pricing has one");
        }
        return rate;
    }

    private long promptTokens() {
        if (promptTokens < 0) {
            promptTokens = body.estimatedPromptTokens();
        }
        return promptTokens;
    }

    private long maxTokens() {
        long max = body.maxTokens();
        return max > 0 ? max : DEFAULT_MAX_TOKENS;
    }
}
