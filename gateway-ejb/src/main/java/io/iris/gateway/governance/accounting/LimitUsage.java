package io.iris.gateway.governance.accounting;

import io.iris.gateway.governance.Budget;
import io.iris.gateway.governance.LimitHolder;
import io.iris.gateway.governance.RateLimit;
import io.iris.gateway.governance.ResetPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The budgets and rate limit of one holder (a customer, team, virtual key, provider config, provider or model
 * config) with their recorded usage, copied out of the entities for the request path. A window that has ended
 * counts as empty: its reset is due. Immutable.
 */
public record LimitUsage(List<Window> budgets, List<Window> requests, List<Window> tokens) {
    public static final LimitUsage NONE = new LimitUsage(List.of(), List.of(), List.of());

    /** One limit in its current window. Amounts are USD for budgets, counts for rate limits. */
    public record Window(double limit, double used, Instant start, Instant end) {
        /** Percent used at {@code now}: 0 when the window has ended or the limit is not positive. */
        public double percent(Instant now) {
            if (limit <= 0 || !now.isBefore(end)) {
                return 0.0;
            }
            return used / limit * 100.0;
        }
    }

    public LimitUsage {
        budgets = List.copyOf(budgets);
        requests = List.copyOf(requests);
        tokens = List.copyOf(tokens);
    }

    /** Both holders' limits together, for two holders that sit at the same place on a path. */
    public LimitUsage and(LimitUsage other) {
        return new LimitUsage(concat(budgets, other.budgets), concat(requests, other.requests),
                concat(tokens, other.tokens));
    }

    public static LimitUsage of(LimitHolder holder) {
        List<Window> budgets = holder.getBudgets().stream().map(LimitUsage::budget).flatMap(Optional::stream)
                .toList();
        RateLimit rate = holder.getRateLimit();
        if (budgets.isEmpty() && rate == null) {
            return NONE;
        }
        List<Window> requests = rate == null ? List.of() : counter(rate.getRequestMaxLimit(),
                rate.getRequestResetDuration(), rate.getRequestCurrentUsage(), rate.getRequestLastReset()).stream()
                .toList();
        List<Window> tokens = rate == null ? List.of() : counter(rate.getTokenMaxLimit(),
                rate.getTokenResetDuration(), rate.getTokenCurrentUsage(), rate.getTokenLastReset()).stream()
                .toList();
        return new LimitUsage(budgets, requests, tokens);
    }

    /** The highest budget percentage at {@code now}, 0 without budgets. */
    public double budgetPercent(Instant now) {
        return highest(budgets, now);
    }

    public double requestPercent(Instant now) {
        return highest(requests, now);
    }

    public double tokenPercent(Instant now) {
        return highest(tokens, now);
    }

    private static double highest(List<Window> windows, Instant now) {
        double highest = 0.0;
        for (Window window : windows) {
            highest = Math.max(highest, window.percent(now));
        }
        return highest;
    }

    private static List<Window> concat(List<Window> a, List<Window> b) {
        return b.isEmpty() ? a : a.isEmpty() ? b : Stream.concat(a.stream(), b.stream()).toList();
    }

    private static Optional<Window> budget(Budget budget) {
        return ResetPeriod.parse(budget.getResetDuration()).map(period -> window(period,
                budget.isCalendarAligned(), budget.getMaxLimit(), budget.getCurrentUsage(), budget.getLastReset()));
    }

    private static Optional<Window> counter(Long limit, String resetDuration, long used, Instant lastReset) {
        if (limit == null) {
            return Optional.empty();
        }
        return ResetPeriod.parse(resetDuration).map(period -> window(period, false, BigDecimal.valueOf(limit),
                BigDecimal.valueOf(used), lastReset));
    }

    private static Window window(ResetPeriod period, boolean aligned, BigDecimal limit, BigDecimal used,
                                 Instant lastReset) {
        Instant start = lastReset == null ? Instant.EPOCH : lastReset;
        return new Window(limit.doubleValue(), used == null ? 0.0 : used.doubleValue(), start,
                period.windowEnd(start, aligned));
    }
}
