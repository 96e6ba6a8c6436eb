package io.iris.gateway.governance.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.CapacityVariable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedCapacityTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final CallerIdentity CALLER = new CallerIdentity("vk-1", "app", "team-1", "research",
            "cust-1", "acme");

    private static LimitUsage.Window window(double limit, double used) {
        return new LimitUsage.Window(limit, used, NOW.minusSeconds(60), NOW.plusSeconds(3600));
    }

    private static LimitUsage budgets(LimitUsage.Window... windows) {
        return new LimitUsage(List.of(windows), List.of(), List.of());
    }

    private static double read(UsageBook book, CapacityVariable variable, String provider, String model,
                               CallerIdentity caller) {
        return new RecordedCapacity(book, Clock.fixed(NOW, ZoneOffset.UTC))
                .percentUsed(variable, provider, model, caller);
    }

    @Test
    void budgetUsed_budgetsOnThePath_highestOfModelProviderModelOnlyProviderAndKeyConfig() {
        UsageBook book = new UsageBook(
                Map.of("openai", budgets(window(100, 30))),
                Map.of(UsageBook.modelKey("gpt-4o", "openai"), budgets(window(10, 2)),
                        UsageBook.modelKey("gpt-4o", ""), budgets(window(10, 5))),
                Map.of(UsageBook.keyProviderKey("vk-1", "openai"), budgets(window(50, 45))),
                Map.of(), Map.of(), Map.of());

        assertEquals(90.0, read(book, CapacityVariable.BUDGET_USED, "openai", "gpt-4o", CALLER), 1e-9);
        assertEquals(50.0, read(book, CapacityVariable.BUDGET_USED, "openai", "gpt-4o", CallerIdentity.NONE), 1e-9);
        assertEquals(50.0, read(book, CapacityVariable.BUDGET_USED, "", "gpt-4o", CALLER), 1e-9);
        assertEquals(0.0, read(book, CapacityVariable.BUDGET_USED, "anthropic", "claude", CALLER), 1e-9);
    }

    @Test
    void budgetUsed_overTheLimit_above100() {
        UsageBook book = new UsageBook(Map.of("openai", budgets(window(10, 12))), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of());

        assertEquals(120.0, read(book, CapacityVariable.BUDGET_USED, "openai", "m", CALLER), 1e-9);
    }

    @Test
    void budgetUsed_windowEnded_countsAsReset() {
        LimitUsage.Window ended = new LimitUsage.Window(10, 9, NOW.minusSeconds(7200), NOW);
        UsageBook book = new UsageBook(Map.of("openai", budgets(ended)), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of());

        assertEquals(0.0, read(book, CapacityVariable.BUDGET_USED, "openai", "m", CALLER), 1e-9);
    }

    @Test
    void rateLimitUsed_requestsAndTokens_higherOfTheTwoAndEachOnItsOwn() {
        LimitUsage limits = new LimitUsage(List.of(), List.of(window(100, 25)), List.of(window(1000, 600)));
        UsageBook book = new UsageBook(Map.of("openai", limits), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        assertEquals(60.0, read(book, CapacityVariable.RATE_LIMIT_USED, "openai", "m", CALLER), 1e-9);
        assertEquals(25.0, read(book, CapacityVariable.REQUESTS_USED, "openai", "m", CALLER), 1e-9);
        assertEquals(60.0, read(book, CapacityVariable.TOKENS_USED, "openai", "m", CALLER), 1e-9);
    }

    @Test
    void callerBudgets_eachOwnerOnItsOwn_noneWithoutThatOwner() {
        UsageBook book = new UsageBook(Map.of(), Map.of(), Map.of(),
                Map.of("vk-1", budgets(window(10, 1))), Map.of("team-1", budgets(window(10, 2))),
                Map.of("cust-1", budgets(window(10, 3), window(100, 90))));

        assertEquals(10.0, read(book, CapacityVariable.VK_BUDGET_USED, "", "m", CALLER), 1e-9);
        assertEquals(20.0, read(book, CapacityVariable.TEAM_BUDGET_USED, "", "m", CALLER), 1e-9);
        assertEquals(90.0, read(book, CapacityVariable.CUSTOMER_BUDGET_USED, "", "m", CALLER), 1e-9);
        assertEquals(0.0, read(book, CapacityVariable.TEAM_BUDGET_USED, "", "m", CallerIdentity.NONE), 1e-9);
    }

    @Test
    void and_twoHoldersAtOnePlace_keepsEveryWindow() {
        LimitUsage merged = budgets(window(10, 1)).and(budgets(window(10, 8)));

        assertEquals(80.0, merged.budgetPercent(NOW), 1e-9);
    }
}
