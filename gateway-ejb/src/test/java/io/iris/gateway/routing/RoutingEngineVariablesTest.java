package io.iris.gateway.routing;

import static io.iris.gateway.routing.RoutingFixtures.request;
import static io.iris.gateway.routing.RoutingFixtures.rule;
import static io.iris.gateway.routing.RoutingFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** On-demand variables, evaluation errors and skips by requirement. */
class RoutingEngineVariablesTest {

    private final RoutingEngine engine = new RoutingEngine(RandomSource.seeded(3));

    /** Records every read and answers 90 for openai and 10 elsewhere. */
    private static final class CountingCapacity implements CapacityView {
        final List<String> reads = new ArrayList<>();

        @Override
        public double percentUsed(CapacityVariable variable, String provider, String model, CallerIdentity caller) {
            reads.add(variable.variable() + "@" + provider + "/" + model);
            return provider.equals("openai") ? 90.0 : 10.0;
        }
    }

    private static final class CountingTokens implements LongSupplier {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public long getAsLong() {
            calls.incrementAndGet();
            return 50_000;
        }
    }

    @Test
    void decide_noRuleReadsCapacity_capacityNeverRead() {
        CountingCapacity capacity = new CountingCapacity();
        RoutingTable table = table(rule("a").when("model == \"x\""), rule("b").when("max_tokens > 10"));

        RoutingDecision decision = engine.decide(request().build(), table, capacity, 10);

        assertEquals(List.of(), capacity.reads);
        assertEquals(Map.of(), decision.trace().steps().get(0).capacity());
    }

    @Test
    void decide_capacityReadByManyRules_readOncePerStepAndRereadAfterChain() {
        CountingCapacity capacity = new CountingCapacity();
        RoutingTable table = table(
                rule("hot").when("budget_used > 95.0"),
                rule("hot-too").when("budget_used > 99.0 || rate_limit_used > 99.0"),
                rule("move").when("budget_used > 80.0 && model == \"gpt-4o\"").to("azure", null).chain(),
                rule("settled").when("budget_used < 50.0").to(null, "gpt-4o-mini"));

        RoutingDecision decision = engine.decide(request().provider("openai").build(), table, capacity, 10);

        assertEquals(List.of("budget_used@openai/gpt-4o", "rate_limit_used@openai/gpt-4o",
                "budget_used@azure/gpt-4o", "rate_limit_used@azure/gpt-4o"), capacity.reads);
        assertEquals(Optional.of("settled"), decision.rule());
        assertEquals(Map.of(CapacityVariable.BUDGET_USED, 90.0, CapacityVariable.RATE_LIMIT_USED, 90.0),
                decision.trace().steps().get(0).capacity());
        assertEquals(Map.of(CapacityVariable.BUDGET_USED, 10.0, CapacityVariable.RATE_LIMIT_USED, 10.0),
                decision.trace().steps().get(1).capacity());
    }

    @Test
    void decide_failingRequestRequirement_capacityNotRead() {
        CountingCapacity capacity = new CountingCapacity();
        RoutingTable table = table(rule("a").when("budget_used > 80.0 && model == \"other\""));

        engine.decide(request().build(), table, capacity, 10);

        assertEquals(List.of(), capacity.reads);
    }

    @Test
    void decide_estimatedTokensReadByManyRulesAndSteps_supplierCalledOnce() {
        CountingTokens tokens = new CountingTokens();
        RoutingTable table = table(
                rule("huge").when("estimated_prompt_tokens > 100000"),
                rule("odd").when("estimated_prompt_tokens % 2 == 1 || model == \"x\""),
                rule("long").when("estimated_prompt_tokens > 30000 && model == \"gpt-4o\"").to(null, "gpt-4.1")
                        .chain(),
                rule("long-again").when("estimated_prompt_tokens > 30000 && model == \"gpt-4.1\""));

        RoutingDecision decision = engine.decide(request().estimatedPromptTokens(tokens).build(), table,
                CapacityView.NONE, 10);

        assertEquals(Optional.of("long-again"), decision.rule());
        assertEquals(1, tokens.calls.get());
    }

    @Test
    void decide_estimatedTokensUnused_supplierNeverCalled() {
        CountingTokens tokens = new CountingTokens();
        RoutingTable table = table(rule("a").when("model == \"x\" && estimated_prompt_tokens > 5"),
                rule("b").when("max_tokens > 0 || stream"));

        engine.decide(request().estimatedPromptTokens(tokens).build(), table, CapacityView.NONE, 10);

        assertEquals(0, tokens.calls.get());
    }

    @Test
    void decide_evaluationError_ruleSkippedAndTraced() {
        RoutingTable table = table(
                rule("bad-int").when("int(headers[\"x-n\"]) > 3").to("azure", null),
                rule("next").to("openai", null));

        RoutingDecision decision = engine.decide(request().header("x-n", "abc").build(), table,
                CapacityView.NONE, 10);

        assertEquals(Optional.of("next"), decision.rule());
        RuleTrace skipped = decision.trace().steps().get(0).rules().get(0);
        assertEquals(RuleTrace.Result.SKIPPED, skipped.result());
        String reason = skipped.reason().orElseThrow();
        assertTrue(reason.startsWith("rule evaluation failed"), reason);
        assertFalse(reason.contains("abc"), reason);
    }

    @Test
    void decide_requirementFails_skippedWithoutEvaluationAndTraced() {
        RoutingTable table = table(
                rule("claude").when("model.startsWith(\"claude\") && int(headers[\"x-n\"]) > 3"),
                rule("eu").when("headers[\"x-region\"] == \"eu\" && 1 / max_tokens > 0"),
                rule("big").when("max_tokens > 4000 && size(headers) > 0"));

        RoutingDecision decision = engine.decide(request().header("x-n", "abc").header("x-region", "us").build(),
                table, CapacityView.NONE, 10);

        List<RuleTrace> rules = decision.trace().steps().get(0).rules();
        assertEquals(List.of(RuleTrace.Result.NO_MATCH, RuleTrace.Result.NO_MATCH, RuleTrace.Result.NO_MATCH),
                rules.stream().map(RuleTrace::result).toList());
        assertEquals(List.of(Optional.of("model does not start with 'claude'"),
                Optional.of("header 'x-region' is not 'eu'"), Optional.of("max_tokens is not > 4000")),
                rules.stream().map(RuleTrace::reason).toList());
    }

    @Test
    void decide_requirementsHoldButRuleNeedsEvaluation_evaluatedWithoutReason() {
        RoutingTable table = table(rule("gpt").when("model == \"gpt-4o\" && size(headers) > 5"));

        RoutingDecision decision = engine.decide(request().build(), table, CapacityView.NONE, 10);

        RuleTrace traced = decision.trace().steps().get(0).rules().get(0);
        assertEquals(RuleTrace.Result.NO_MATCH, traced.result());
        assertEquals(Optional.empty(), traced.reason());
    }
}
