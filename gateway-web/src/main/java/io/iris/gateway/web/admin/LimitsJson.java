package io.iris.gateway.web.admin;

import io.iris.gateway.governance.BudgetSpec;
import io.iris.gateway.governance.LimitHolder;
import io.iris.gateway.governance.RateLimit;
import io.iris.gateway.governance.RateLimitSpec;
import io.iris.gateway.web.json.JsonInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Budgets and rate limits on the wire, both ways; usage fields are read-only and ignored on input. */
public final class LimitsJson {
    private LimitsJson() {
    }

    public record BudgetView(UUID id, BigDecimal maxLimit, String resetDuration, boolean calendarAligned,
                      BigDecimal currentUsage, Instant lastReset) {
    }

    public record RateLimitView(Long requestMaxLimit, String requestResetDuration, Long tokenMaxLimit,
                         String tokenResetDuration, long requestCurrentUsage, long tokenCurrentUsage,
                         Instant requestLastReset, Instant tokenLastReset) {
    }

    static List<BudgetSpec> budgets(JsonInput in) {
        List<JsonInput> items = in.objects("budgets");
        if (items == null) {
            return List.of();
        }
        return items.stream().map(b -> new BudgetSpec(b.uuid("id"), b.decimal("max_limit"),
                b.string("reset_duration"), Boolean.TRUE.equals(b.bool("calendar_aligned")))).toList();
    }

    static RateLimitSpec rateLimit(JsonInput in) {
        JsonInput r = in.object("rate_limit");
        if (r == null) {
            return null;
        }
        return new RateLimitSpec(r.longInteger("request_max_limit"), r.string("request_reset_duration"),
                r.longInteger("token_max_limit"), r.string("token_reset_duration"));
    }

    static List<BudgetView> budgetViews(LimitHolder holder) {
        return holder.getBudgets().stream().map(b -> new BudgetView(b.getId(), Amounts.plain(b.getMaxLimit()),
                b.getResetDuration(), b.isCalendarAligned(), Amounts.plain(b.getCurrentUsage()), b.getLastReset()))
                .toList();
    }

    static RateLimitView rateLimitView(LimitHolder holder) {
        RateLimit r = holder.getRateLimit();
        if (r == null) {
            return null;
        }
        return new RateLimitView(r.getRequestMaxLimit(), r.getRequestResetDuration(), r.getTokenMaxLimit(),
                r.getTokenResetDuration(), r.getRequestCurrentUsage(), r.getTokenCurrentUsage(),
                r.getRequestLastReset(), r.getTokenLastReset());
    }
}
