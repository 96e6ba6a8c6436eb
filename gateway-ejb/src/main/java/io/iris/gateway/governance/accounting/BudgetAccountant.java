package io.iris.gateway.governance.accounting;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.routing.CallerIdentity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Admits a request to one target against every budget and rate limit on its path (API.md §4) and settles what it
 * spent. The path: the caller's virtual key, team and customer (its own limits), then the target's provider, its
 * model configs (model and provider, model only) and the caller's config for that provider. Admission reserves the
 * estimated cost on every budget and one request on every request limit, all or nothing, on the live counters: no
 * lock shared by requests, no database. Thread-safe.
 */
public final class BudgetAccountant {
    private final CounterStore counters;
    private final Clock clock;

    public BudgetAccountant(CounterStore counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    /** Where a call goes, as governance sees it. */
    public record Path(CallerIdentity caller, String provider, String model) {
    }

    /**
     * The outcome of an admission: a reservation to settle or release, or the refusal with whether the limit that
     * refused is the caller's own (no fallback helps) or the target's (the next fallback may serve).
     * {@code reservedCostMicros} is the estimated cost reserved on every budget of the path.
     */
    public record Admission(CounterStore.Reservation reservation, GatewayException refusal, boolean callersOwn,
                            List<CounterKey> budgetKeys, List<CounterKey> tokenKeys, List<CounterKey> requestKeys,
                            long reservedCostMicros) {
        /** A refusal of the target before any counter was asked (a fallback may serve). */
        public static Admission refusedTarget(GatewayException refusal) {
            return new Admission(null, refusal, false, List.of(), List.of(), List.of(), 0);
        }

        public boolean admitted() {
            return refusal == null;
        }

        /** Settles the actual cost and tokens of a call that went through. */
        public void settle(long costMicros, Usage usage, Instant now) {
            Map<CounterKey, Long> actual = new HashMap<>();
            budgetKeys.forEach(k -> actual.put(k, costMicros));
            tokenKeys.forEach(k -> actual.put(k, usage.promptTokens() + usage.completionTokens()));
            requestKeys.forEach(k -> actual.put(k, 1L));
            reservation.settle(actual, now);
        }

        /**
         * Settles a call whose actual usage is unknown (the client or the upstream went away mid-answer, or the
         * answer reported none) at what was reserved: the estimated cost, and {@code estimate} as its tokens.
         */
        public void settleAtReservation(Usage estimate, Instant now) {
            settle(reservedCostMicros, estimate, now);
        }

        /** Gives the reservation back: the call did not happen or failed before the upstream answered. */
        public void release(Instant now) {
            reservation.release(now);
        }
    }

    public Admission admit(LimitBook book, Path path, long estimatedCostMicros) {
        List<CounterKey> own = book.callersOwn(path.caller());
        List<CounterKey> all = new ArrayList<>(own);
        all.addAll(book.targets(path.caller(), path.provider(), path.model()));
        List<CounterKey> budgets = new ArrayList<>();
        List<CounterKey> tokens = new ArrayList<>();
        List<CounterKey> requests = new ArrayList<>();
        List<CounterStore.Claim> claims = new ArrayList<>(all.size());
        for (CounterKey key : all) {
            switch (key.kind()) {
                case BUDGET -> {
                    budgets.add(key);
                    claims.add(new CounterStore.Claim(key, estimatedCostMicros));
                }
                case REQUESTS -> {
                    requests.add(key);
                    claims.add(new CounterStore.Claim(key, 1));
                }
                case TOKENS -> {
                    tokens.add(key);
                    claims.add(new CounterStore.Claim(key, 0));
                }
            }
        }
        CounterStore.Admission admission = counters.admit(claims, clock.instant());
        if (admission.admitted()) {
            return new Admission(admission.reservation(), null, false, budgets, tokens, requests,
                    estimatedCostMicros);
        }
        CounterKey blocked = admission.blockedKey();
        return new Admission(null, refusal(book, blocked, admission.retryAfterSeconds()),
                Set.copyOf(own).contains(blocked), budgets, tokens, requests, estimatedCostMicros);
    }

    private static GatewayException refusal(LimitBook book, CounterKey blocked, long retryAfterSeconds) {
        String what = book.describe(blocked);
        return switch (blocked.kind()) {
            case BUDGET -> new LimitExceededException(ErrorType.BUDGET_EXCEEDED, what + " is used up", retryAfterSeconds);
            case REQUESTS -> new LimitExceededException(ErrorType.REQUEST_LIMITED, what + " is reached",
                    retryAfterSeconds);
            case TOKENS -> new LimitExceededException(ErrorType.TOKEN_LIMITED, what + " is reached", retryAfterSeconds);
        };
    }
}
