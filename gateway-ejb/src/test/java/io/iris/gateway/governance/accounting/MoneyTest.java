package io.iris.gateway.governance.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iris.gateway.governance.BudgetSpec;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void micros_usd_millionthsRoundedDown() {
        assertEquals(1_234_567, Money.micros(new BigDecimal("1.2345679")));
        assertEquals(0, Money.micros(null));
    }

    @Test
    void micros_largestBudgetTheApiAccepts_saturatesInsteadOfFailingTheSnapshot() {
        assertEquals(Long.MAX_VALUE, Money.micros(BudgetSpec.MAX_AMOUNT));
    }
}
