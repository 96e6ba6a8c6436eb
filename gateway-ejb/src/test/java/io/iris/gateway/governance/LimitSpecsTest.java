package io.iris.gateway.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.common.FieldError;
import io.iris.gateway.common.Validation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LimitSpecsTest {

    @Test
    void validate_negativeBudget_namesMaxLimitField() {
        Validation v = new Validation();
        new BudgetSpec(null, new BigDecimal("-1"), "1d", false).validate(v, "budgets[0]");
        assertEquals(List.of(new FieldError("budgets[0].max_limit", v.errors().get(0).message())), v.errors());
    }

    @Test
    void validate_calendarAlignedHourly_rejected() {
        Validation v = new Validation();
        new BudgetSpec(null, BigDecimal.TEN, "1h", true).validate(v, "budgets[0]");
        assertEquals("budgets[0].calendar_aligned", v.errors().get(0).field());
    }

    @Test
    void validate_rateLimitWithoutDuration_namesDurationField() {
        Validation v = new Validation();
        new RateLimitSpec(10L, null, null, null).validate(v, "rate_limit");
        assertEquals("rate_limit.request_reset_duration", v.errors().get(0).field());
    }

    @Test
    void validate_emptyRateLimit_rejected() {
        Validation v = new Validation();
        new RateLimitSpec(null, null, null, null).validate(v, "rate_limit");
        assertTrue(v.hasErrors());
    }

    @Test
    void validate_budgetIdOfAnotherOwner_rejected() {
        Validation v = new Validation();
        Limits.validate(v, "", new Holder(), List.of(new BudgetSpec(UUID.randomUUID(), BigDecimal.ONE, "1d", false)),
                null);
        assertEquals("budgets[0].id", v.errors().get(0).field());
    }

    @Test
    void apply_budgetWithKnownId_keepsTheSameBudget() {
        Holder holder = new Holder();
        Limits.apply(holder, List.of(new BudgetSpec(null, BigDecimal.ONE, "1d", false)), null, Instant.EPOCH);
        Budget original = holder.getBudgets().get(0);

        Limits.apply(holder, List.of(new BudgetSpec(original.getId(), BigDecimal.TEN, "1w", false),
                new BudgetSpec(null, BigDecimal.ONE, "1M", true)), null, Instant.now());

        assertEquals(2, holder.getBudgets().size());
        assertTrue(holder.getBudgets().get(0) == original);
        assertEquals(BigDecimal.TEN, original.getMaxLimit());
        assertEquals(Instant.EPOCH, original.getLastReset());
    }

    @Test
    void apply_nullRateLimit_removesIt() {
        Holder holder = new Holder();
        Limits.apply(holder, List.of(), new RateLimitSpec(5L, "1m", null, null), Instant.now());
        assertFalse(holder.getRateLimit() == null);

        Limits.apply(holder, List.of(), null, Instant.now());

        assertTrue(holder.getRateLimit() == null);
    }

    private static final class Holder implements LimitHolder {
        private final List<Budget> budgets = new ArrayList<>();
        private RateLimit rateLimit;

        @Override
        public List<Budget> getBudgets() {
            return budgets;
        }

        @Override
        public RateLimit getRateLimit() {
            return rateLimit;
        }

        @Override
        public void setRateLimit(RateLimit rateLimit) {
            this.rateLimit = rateLimit;
        }
    }
}
