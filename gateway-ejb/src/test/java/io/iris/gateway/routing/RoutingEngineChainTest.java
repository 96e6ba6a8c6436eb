package io.iris.gateway.routing;

import static io.iris.gateway.routing.RoutingFixtures.TEAM;
import static io.iris.gateway.routing.RoutingFixtures.request;
import static io.iris.gateway.routing.RoutingFixtures.rule;
import static io.iris.gateway.routing.RoutingFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Targets, key pins, chain rules and fallbacks. */
class RoutingEngineChainTest {

    private static final UUID KEY = UUID.fromString("00000000-0000-0000-0000-0000000000ee");

    private final RoutingEngine engine = new RoutingEngine(RandomSource.seeded(7));

    private RoutingDecision decide(RoutingRequest request, RoutingTable table, int maxDepth) {
        return engine.decide(request, table, CapacityView.NONE, maxDepth);
    }

    private RoutingDecision decide(RoutingRequest request, RoutingTable table) {
        return decide(request, table, 10);
    }

    private static List<String> deciders(RoutingDecision decision) {
        return decision.trace().steps().stream().map(s -> s.decidedBy().orElse("-")).toList();
    }

    @Test
    void decide_targetWithoutModel_keepsCurrentModel() {
        RoutingTable table = table(rule("to-azure").to("azure", null));

        RoutingDecision decision = decide(request().provider("openai").model("gpt-4o").build(), table);

        assertEquals("azure", decision.provider());
        assertEquals("gpt-4o", decision.model());
    }

    @Test
    void decide_targetWithoutProvider_keepsCurrentProvider() {
        RoutingTable table = table(rule("mini").to(null, "gpt-4o-mini"));

        RoutingDecision decision = decide(request().provider("openai").build(), table);

        assertEquals("openai", decision.provider());
        assertEquals("gpt-4o-mini", decision.model());
        TraceStep.Target target = decision.trace().steps().get(0).target().orElseThrow();
        assertEquals("openai", target.provider());
        assertEquals(0, target.index());
    }

    @Test
    void decide_targetPinsKey_decisionCarriesKey() {
        RoutingTable table = table(rule("pinned").to("azure", null, KEY, 1.0));

        assertEquals(Optional.of(KEY), decide(request().build(), table).keyId());
    }

    @Test
    void decide_chainedRuleWithoutPin_clearsEarlierPin() {
        RoutingTable table = table(
                rule("pin").when("model == \"gpt-4o\"").to("azure", "gpt-4o-mini", KEY, 1.0).chain(),
                rule("unpin").when("model == \"gpt-4o-mini\"").to("openai", null));

        RoutingDecision decision = decide(request().build(), table);

        assertEquals(Optional.of("unpin"), decision.rule());
        assertEquals(Optional.empty(), decision.keyId());
    }

    @Test
    void decide_chainRule_reevaluatesWithNewModel() {
        RoutingTable table = table(
                rule("alias").when("model == \"smart\"").to(null, "gpt-4o").chain(),
                rule("team-gpt4o").scope(RuleScope.TEAM, TEAM).when("model == \"gpt-4o\"").to("azure", null));

        RoutingDecision decision = decide(request().model("smart").build(), table);

        assertEquals("azure", decision.provider());
        assertEquals("gpt-4o", decision.model());
        assertEquals(Optional.of("team-gpt4o"), decision.rule());
        assertEquals(List.of("alias", "team-gpt4o"), deciders(decision));
        List<TraceStep> steps = decision.trace().steps();
        assertEquals(TraceStep.Outcome.CHAINED, steps.get(0).outcome());
        assertEquals("gpt-4o", steps.get(1).model());
        assertEquals(TraceStep.Outcome.DECIDED, steps.get(1).outcome());
    }

    @Test
    void decide_chainRuleThenNoMatch_keepsChainedValues() {
        RoutingTable table = table(rule("alias").when("model == \"smart\"").to("openai", "gpt-4o").chain());

        RoutingDecision decision = decide(request().model("smart").build(), table);

        assertEquals("gpt-4o", decision.model());
        assertEquals(Optional.of("alias"), decision.rule());
        assertEquals(TraceStep.Outcome.NO_MATCH, decision.trace().steps().get(1).outcome());
    }

    @Test
    void decide_chainLoopAToBToA_terminates() {
        RoutingTable table = table(
                rule("a").when("model == \"x\"").to(null, "y").chain(),
                rule("b").when("model == \"y\"").to(null, "x").chain());

        RoutingDecision decision = decide(request().model("x").build(), table);

        assertEquals(List.of("a", "b", "-"), deciders(decision));
        assertEquals("x", decision.model());
        RuleTrace skipped = decision.trace().steps().get(2).rules().get(0);
        assertEquals(RuleTrace.Result.SKIPPED, skipped.result());
        assertEquals(Optional.of("already decided"), skipped.reason());
    }

    @Test
    void decide_chainDeeperThanMaxDepth_stopsAtMaxDepth() {
        RoutingTable table = table(
                rule("1").when("model == \"m1\"").to(null, "m2").chain(),
                rule("2").when("model == \"m2\"").to(null, "m3").chain(),
                rule("3").when("model == \"m3\"").to(null, "m4").chain(),
                rule("4").when("model == \"m4\"").to(null, "m5").chain());

        RoutingDecision decision = decide(request().model("m1").build(), table, 2);

        assertEquals("m3", decision.model());
        assertEquals(Optional.of("2"), decision.rule());
        assertEquals(2, decision.trace().steps().size());
        assertEquals(TraceStep.Outcome.MAX_DEPTH, decision.trace().steps().get(1).outcome());
    }

    @Test
    void decide_lastDecidingRuleWithFallbacks_setsFallbacks() {
        RoutingTable table = table(
                rule("first").when("model == \"a\"").to(null, "b").fallbacks("openai/gpt-4o").chain(),
                rule("second").when("model == \"b\"").to(null, "c").fallbacks("anthropic/claude").chain(),
                rule("third").when("model == \"c\"").to(null, "d"));

        RoutingDecision decision = decide(request().model("a").build(), table);

        assertEquals(Optional.of("third"), decision.rule());
        assertEquals(Optional.of(List.of("anthropic/claude")), decision.fallbacks());
    }

    @Test
    void decide_noDecidingRuleHasFallbacks_fallbacksEmpty() {
        RoutingTable table = table(rule("plain").to("azure", null));

        assertEquals(Optional.empty(), decide(request().build(), table).fallbacks());
    }

    @Test
    void decide_weights70And30_convergeWithinThreeSigma() {
        RoutingTable table = table(rule("split").to("azure", null, null, 0.7).to("openai", null, null, 0.3));
        RoutingEngine seeded = new RoutingEngine(RandomSource.seeded(42));
        int n = 10_000;
        int azure = 0;

        for (int i = 0; i < n; i++) {
            if (seeded.decide(request().build(), table, CapacityView.NONE, 10).provider().equals("azure")) {
                azure++;
            }
        }

        double sigma = Math.sqrt(n * 0.7 * 0.3);
        assertEquals(0.7 * n, azure, 3 * sigma);
    }

    @Test
    void pick_weightsNotSummingToOne_normalisedBySum() {
        List<RouteTarget> targets = List.of(new RouteTarget("a", null, null, 2.0),
                new RouteTarget("b", null, null, 6.0));

        assertEquals(0, WeightedChoice.pick(targets, neutral(targets), 0.249));
        assertEquals(1, WeightedChoice.pick(targets, neutral(targets), 0.251));
        assertEquals(1, WeightedChoice.pick(targets, neutral(targets), 0.999_999_999));
    }

    @Test
    void pick_noPositiveWeight_uniform() {
        List<RouteTarget> targets = List.of(new RouteTarget("a", null, null, 0),
                new RouteTarget("b", null, null, Double.NaN));

        assertEquals(0, WeightedChoice.pick(targets, neutral(targets), 0.4));
        assertEquals(1, WeightedChoice.pick(targets, neutral(targets), 0.6));
    }

    @Test
    void pick_peerDegraded_healthyTargetTakesWhatThePeerLost() {
        List<RouteTarget> targets = List.of(new RouteTarget("a", null, null, 0.3),
                new RouteTarget("b", null, null, 0.7));

        double[] effective = WeightedChoice.effectiveWeights(targets, "a", provider -> provider.equals("b") ? 0.5 : 1);

        assertEquals(0.3, effective[0], 1e-9);
        assertEquals(0.35, effective[1], 1e-9);
        assertEquals(0, WeightedChoice.pick(targets, effective, 0.46));
        assertEquals(1, WeightedChoice.pick(targets, effective, 0.47));
    }

    @Test
    void pick_everyProviderDown_configuredWeightsDecide() {
        List<RouteTarget> targets = List.of(new RouteTarget("a", null, null, 1.0),
                new RouteTarget("b", null, null, 3.0));

        double[] effective = WeightedChoice.effectiveWeights(targets, "a", provider -> 0.0);

        assertEquals(0, WeightedChoice.pick(targets, effective, 0.24));
        assertEquals(1, WeightedChoice.pick(targets, effective, 0.26));
    }

    @Test
    void effectiveWeights_targetWithoutProvider_usesTheCurrentProvidersHealth() {
        List<RouteTarget> targets = List.of(new RouteTarget(null, "m", null, 1.0),
                new RouteTarget("b", null, null, 1.0));

        double[] effective = WeightedChoice.effectiveWeights(targets, "current",
                provider -> provider.equals("current") ? 0.25 : 1);

        assertEquals(0.25, effective[0], 1e-9);
        assertEquals(1.0, effective[1], 1e-9);
    }

    @Test
    void decide_degradedProvider_losesShareToItsHealthyPeer() {
        RoutingTable table = table(rule("split").to("azure", null, null, 0.7).to("openai", null, null, 0.3));
        RoutingEngine engine = new RoutingEngine(RandomSource.seeded(7),
                provider -> provider.equals("azure") ? 0.1 : 1.0);
        int n = 10_000;
        int azure = 0;

        for (int i = 0; i < n; i++) {
            if (engine.decide(request().build(), table, CapacityView.NONE, 10).provider().equals("azure")) {
                azure++;
            }
        }

        double share = 0.07 / (0.07 + 0.3);
        assertEquals(share * n, azure, 3 * Math.sqrt(n * share * (1 - share)));
    }

    private static double[] neutral(List<RouteTarget> targets) {
        return WeightedChoice.effectiveWeights(targets, "x", TargetHealth.NEUTRAL);
    }
}
