package io.iris.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.config.GatewayConfig;
import io.iris.gateway.governance.ResetPeriod;
import io.iris.gateway.governance.accounting.BudgetAccountant;
import io.iris.gateway.governance.accounting.CounterKey;
import io.iris.gateway.governance.accounting.CounterSpec;
import io.iris.gateway.governance.accounting.InMemoryCounterStore;
import io.iris.gateway.governance.accounting.LimitBook;
import io.iris.gateway.governance.accounting.Price;
import io.iris.gateway.governance.accounting.PriceBook;
import io.iris.gateway.providers.ProviderType;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.routing.CallerIdentity;
import io.iris.gateway.routing.RoutingTable;
import io.iris.gateway.snapshot.GatewaySnapshot;
import io.iris.gateway.snapshot.ProviderRoute;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallAccountingTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
    private static final CallerIdentity CALLER = new CallerIdentity(UUID.randomUUID().toString(), "app", "", "",
            "", "");
    /** 400 prompt characters (100 tokens estimated) and an output bound of 50 tokens. */
    private static final String BODY = "{\"model\":\"gpt-4o\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"" + "x".repeat(400 - 4 - 4 - 7) + "\"}]}";

    private final InMemoryCounterStore store = new InMemoryCounterStore(Clock.fixed(NOW, ZoneOffset.UTC));
    private final CounterKey vkBudget = new CounterKey(UUID.randomUUID(), CounterKey.Kind.BUDGET);
    private final CounterKey tokenLimit = new CounterKey(UUID.randomUUID(), CounterKey.Kind.TOKENS);
    private final List<String> sighted = new ArrayList<>();
    private final List<String> servedFree = new ArrayList<>();

    private final CallAccounting.Unpriced unpriced = new CallAccounting.Unpriced() {
        @Override
        public void sighted(String provider, String model) {
            sighted.add(provider + "/" + model);
        }

        @Override
        public void served(String provider, String model) {
            servedFree.add(provider + "/" + model);
        }
    };

    private static Target target(String model) {
        return new Target(new ProviderRoute(UUID.randomUUID(), "mine", ProviderType.OPENAI, "http://x", null,
                List.of("*"), true, new ProviderRoute.Network(1000, 1000, 1000, 0, 100, 1000), List.of()),
                model, Set.of());
    }

    /** gpt-4o priced at $1 per million input tokens and $10 per million output tokens; nothing else priced. */
    private CallAccounting accounting(GatewayConfig.UnpricedModels mode, boolean vkBudgetOn) {
        List<CounterSpec> specs = new ArrayList<>();
        specs.add(new CounterSpec(tokenLimit, 1_000_000, ResetPeriod.parse("1h").orElseThrow(), false, 0,
                NOW.minusSeconds(60)));
        List<CounterKey> vkKeys = new ArrayList<>(List.of(tokenLimit));
        if (vkBudgetOn) {
            specs.add(new CounterSpec(vkBudget, 50_000_000, ResetPeriod.parse("1d").orElseThrow(), false, 0,
                    NOW.minusSeconds(60)));
            vkKeys.add(vkBudget);
        }
        store.sync(specs);
        LimitBook limits = new LimitBook(Map.of(), Map.of(), Map.of(), Map.of(CALLER.virtualKeyId(), vkKeys),
                Map.of(), Map.of(), specs, Map.of());
        Price price = new Price();
        price.setProviderAndModel("mine", "gpt-4o");
        price.setPrices(BigDecimal.ONE, BigDecimal.TEN);
        GatewayConfig config = new GatewayConfig(true, 10, false, 1 << 20, mode, List.of(), List.of());
        GatewaySnapshot snapshot = new GatewaySnapshot(Map.of(), Map.of(), config, RoutingTable.EMPTY, limits,
                PriceBook.of(List.of(price)));
        return new CallAccounting(snapshot, new BudgetAccountant(store, Clock.fixed(NOW, ZoneOffset.UTC)), CALLER,
                RequestJson.parse(BODY.getBytes(StandardCharsets.UTF_8)), unpriced);
    }

    private long used(CounterKey key) {
        return store.counter(key).orElseThrow().used(NOW);
    }

    @Test
    void settle_reportedUsage_chargedAtItsCost() {
        CallAccounting accounting = accounting(GatewayConfig.UnpricedModels.DENY, true);
        BudgetAccountant.Admission admission = accounting.admit(target("gpt-4o"));

        CallAccounting.Charge charge = accounting.settle(admission, target("gpt-4o"), Optional.of(new Usage(10, 2)),
                NOW);

        assertEquals(new CallAccounting.Charge(new Usage(10, 2), 10 + 20, false), charge);
        assertEquals(30, used(vkBudget));
        assertEquals(12, used(tokenLimit));
    }

    @Test
    void settle_noUsageReported_chargedTheReservationAndTheEstimatedTokens() {
        CallAccounting accounting = accounting(GatewayConfig.UnpricedModels.DENY, true);
        BudgetAccountant.Admission admission = accounting.admit(target("gpt-4o"));

        CallAccounting.Charge charge = accounting.settle(admission, target("gpt-4o"), Optional.empty(), NOW);

        // 100 estimated prompt tokens × $1/M + 50 output tokens × $10/M = 600 micro-dollars
        assertEquals(600, admission.reservedCostMicros());
        assertEquals(new CallAccounting.Charge(new Usage(100, 50), 600, true), charge);
        assertEquals(600, used(vkBudget));
        assertEquals(150, used(tokenLimit));
    }

    @Test
    void settle_afterRelease_chargesNothingMore() {
        CallAccounting accounting = accounting(GatewayConfig.UnpricedModels.DENY, true);
        BudgetAccountant.Admission admission = accounting.admit(target("gpt-4o"));

        admission.release(NOW);
        accounting.settle(admission, target("gpt-4o"), Optional.empty(), NOW);

        assertEquals(0, used(vkBudget));
    }

    @Test
    void admit_unpricedModelBudgetOnPathDeny_refusedAsATargetWithModelNotPriced() {
        CallAccounting accounting = accounting(GatewayConfig.UnpricedModels.DENY, true);

        BudgetAccountant.Admission admission = accounting.admit(target("my-finetune"));

        assertFalse(admission.admitted());
        assertFalse(admission.callersOwn(), "a fallback with a price may serve");
        assertEquals(ErrorType.MODEL_NOT_PRICED, admission.refusal().type());
        assertEquals(403, admission.refusal().status());
        assertEquals("no price for model 'my-finetune' at provider 'mine': add one to /api/pricing",
                admission.refusal().getMessage());
        assertEquals(0, store.counter(tokenLimit).orElseThrow().reserved(NOW), "nothing reserved");
        assertEquals(List.of("mine/my-finetune"), sighted);
    }

    @Test
    void admit_unpricedModelBudgetOnPathFree_servedAtNoCostAndCounted() {
        CallAccounting accounting = accounting(GatewayConfig.UnpricedModels.FREE, true);

        BudgetAccountant.Admission admission = accounting.admit(target("my-finetune"));
        CallAccounting.Charge charge = accounting.settle(admission, target("my-finetune"),
                Optional.of(new Usage(1000, 1000)), NOW);

        assertTrue(admission.admitted());
        assertEquals(0, charge.costMicros());
        assertEquals(0, used(vkBudget));
        assertEquals(2000, used(tokenLimit), "tokens still count against token limits");
        assertEquals(List.of("mine/my-finetune"), servedFree);
    }

    @Test
    void admit_unpricedModelNoBudgetOnPathDeny_servedAtNoCost() {
        CallAccounting accounting = accounting(GatewayConfig.UnpricedModels.DENY, false);

        BudgetAccountant.Admission admission = accounting.admit(target("my-finetune"));
        CallAccounting.Charge charge = accounting.settle(admission, target("my-finetune"), Optional.empty(), NOW);

        assertTrue(admission.admitted(), "a token limit is not a budget");
        assertEquals(0, charge.costMicros());
        assertEquals(150, used(tokenLimit), "the reservation's tokens");
    }
}
