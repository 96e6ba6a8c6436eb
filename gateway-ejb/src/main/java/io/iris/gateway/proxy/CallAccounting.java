package io.iris.gateway.proxy;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.config.GatewayConfig.UnpricedModels;
import io.iris.gateway.governance.accounting.BudgetAccountant;
import io.iris.gateway.governance.accounting.PriceBook;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.snapshot.GatewaySnapshot;
import java.time.Instant;
import java.util.Optional;

/**
 * Governance for the attempts of one client request (API.md §4, "Nothing runs free by accident"): admission
 * against the budgets and rate limits on each target's path with the request's estimated cost, and settlement of
 * what was served. A model without a price is refused (403 {@code model_not_priced}, a refusal of that target, so a
 * fallback may serve) when a budget is on the path and {@code unpriced_models} is {@code deny}; otherwise it costs
 * nothing and is counted. A call whose usage never arrived is charged what it reserved. Not thread-safe (one
 * call's attempts run one at a time).
 */
final class CallAccounting {
    /** Output tokens assumed when the request sets no {@code max_tokens}. */
    static final long DEFAULT_MAX_TOKENS = 1024;

    private final GatewaySnapshot snapshot;
    private final BudgetAccountant accountant;
    private final CallerIdentity caller;
    private final RequestJson body;
    private final Unpriced unpriced;
    private long promptTokens = -1;

    /** What the call reports about models without a price. */
    interface Unpriced {
        /** A target's model has no price (called at each admission of such a target). */
        void sighted(String provider, String model);

        /** A call to a model without a price was served at no cost (the warning metric). */
        void served(String provider, String model);
    }

    /** What a settled attempt was charged: its tokens and cost, and whether they are the reservation's. */
    record Charge(Usage usage, long costMicros, boolean atReservation) {
    }

    CallAccounting(GatewaySnapshot snapshot, BudgetAccountant accountant, CallerIdentity caller, RequestJson body,
                   Unpriced unpriced) {
        this.snapshot = snapshot;
        this.accountant = accountant;
        this.caller = caller;
        this.body = body;
        this.unpriced = unpriced;
    }

    BudgetAccountant.Admission admit(Target target) {
        String provider = target.provider().name();
        Optional<PriceBook.Rate> rate = rate(target);
        if (rate.isEmpty()) {
            unpriced.sighted(provider, target.model());
            if (snapshot.config().unpricedModels() == UnpricedModels.DENY
                    && snapshot.limits().anyBudget(caller, provider, target.model())) {
                return BudgetAccountant.Admission.refusedTarget(new GatewayException(ErrorType.MODEL_NOT_PRICED,
                        "no price for model '" + target.model() + "' at provider '" + provider
                                + "': add one to /api/pricing"));
            }
        }
        long estimate = rate.map(r -> r.tokensCost(promptTokens(), maxTokens())).orElse(0L);
        return accountant.admit(snapshot.limits(), new BudgetAccountant.Path(caller, provider, target.model()),
                estimate);
    }

    /**
     * Ends an admitted attempt that the upstream answered: at the cost of {@code usage} when the upstream reported
     * it, else at the reservation (the estimated cost, and the estimated prompt plus the output bound as tokens).
     */
    Charge settle(BudgetAccountant.Admission admission, Target target, Optional<Usage> usage, Instant now) {
        Optional<PriceBook.Rate> rate = rate(target);
        if (rate.isEmpty()) {
            unpriced.served(target.provider().name(), target.model());
        }
        if (usage.isEmpty()) {
            Usage estimate = estimate();
            admission.settleAtReservation(estimate, now);
            return new Charge(estimate, admission.reservedCostMicros(), true);
        }
        long cost = rate.map(r -> r.costMicros(usage.get())).orElse(0L);
        admission.settle(cost, usage.get(), now);
        return new Charge(usage.get(), cost, false);
    }

    /** The tokens a call reserves: the prompt estimate and the output bound (or the default). */
    Usage estimate() {
        return new Usage(promptTokens(), maxTokens());
    }

    private Optional<PriceBook.Rate> rate(Target target) {
        return snapshot.prices().rate(target.provider().name(), target.provider().type().wireName(), target.model());
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
