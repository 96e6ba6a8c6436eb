package io.iris.gateway.routing;

import static io.iris.gateway.routing.RoutingFixtures.CUSTOMER;
import static io.iris.gateway.routing.RoutingFixtures.TEAM;
import static io.iris.gateway.routing.RoutingFixtures.VK;
import static io.iris.gateway.routing.RoutingFixtures.request;
import static io.iris.gateway.routing.RoutingFixtures.rule;
import static io.iris.gateway.routing.RoutingFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Which rule decides: scopes, priorities, expressions. */
class RoutingEngineTest {

    private final RoutingEngine engine = new RoutingEngine(RandomSource.seeded(1));

    private RoutingDecision decide(RoutingRequest request, RoutingTable table) {
        return engine.decide(request, table, CapacityView.NONE, 10);
    }

    @Test
    void decide_vkRuleHighPriorityNumber_beatsGlobal() {
        RoutingTable table = table(
                rule("global").priority(0).to("openai", "gpt-4o"),
                rule("vk").scope(RuleScope.VIRTUAL_KEY, VK).priority(100).to("azure", "gpt-4o"));

        RoutingDecision decision = decide(request().build(), table);

        assertEquals(Optional.of("vk"), decision.rule());
        assertEquals("azure", decision.provider());
    }

    @Test
    void decide_teamAndCustomerRules_teamWins() {
        RoutingTable table = table(
                rule("customer").scope(RuleScope.CUSTOMER, CUSTOMER).priority(-5).to("openai", null),
                rule("team").scope(RuleScope.TEAM, TEAM).priority(50).to("azure", null));

        assertEquals(Optional.of("team"), decide(request().build(), table).rule());
    }

    @Test
    void decide_otherCallersVkRule_notInChain() {
        RoutingTable table = table(
                rule("someone-else").scope(RuleScope.VIRTUAL_KEY, UUID.randomUUID()).to("azure", null),
                rule("global").to("openai", null));

        assertEquals(Optional.of("global"), decide(request().build(), table).rule());
    }

    @Test
    void decide_callerWithoutTeam_teamScopeLeftOutOfChain() {
        CallerIdentity noTeam = new CallerIdentity(VK.toString(), "k", "", "", CUSTOMER.toString(), "acme");
        RoutingTable table = table(rule("customer").scope(RuleScope.CUSTOMER, CUSTOMER).to("azure", null));

        RoutingDecision decision = decide(request().caller(noTeam).build(), table);

        assertEquals(Optional.of("customer"), decision.rule());
        assertEquals(List.of(RuleScope.VIRTUAL_KEY, RuleScope.CUSTOMER, RuleScope.GLOBAL),
                decision.trace().steps().get(0).scopes().stream().map(TraceStep.Scope::scope).toList());
    }

    @Test
    void decide_twoRulesInScope_lowerPriorityNumberFirst() {
        RoutingTable table = table(
                rule("second").priority(10).to("openai", null),
                rule("first").priority(1).to("azure", null));

        RoutingDecision decision = decide(request().build(), table);

        assertEquals(Optional.of("first"), decision.rule());
        assertEquals(1, decision.trace().steps().get(0).rules().size(), "rules after the decider are not listed");
    }

    @Test
    void decide_equalPriority_earlierCreationFirst() {
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        RoutingTable table = table(
                rule("newer").createdAt(t.plusSeconds(1)).to("openai", null),
                rule("older").createdAt(t).to("azure", null));

        assertEquals(Optional.of("older"), decide(request().build(), table).rule());
    }

    @Test
    void decide_equalPriorityAndCreation_lowerIdFirst() {
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        RoutingTable table = table(
                rule("b").id(UUID.fromString("00000000-0000-0000-0000-000000000002")).createdAt(t).to("openai", null),
                rule("a").id(UUID.fromString("00000000-0000-0000-0000-000000000001")).createdAt(t).to("azure", null));

        assertEquals(Optional.of("a"), decide(request().build(), table).rule());
    }

    /** Disabled rules never reach the engine: the snapshot builds the table from enabled rules only. */
    @Test
    void decide_disabledRuleLeftOutOfTable_nextRuleDecides() {
        RoutingFixtures.RuleBuilder disabled = rule("disabled").priority(0).to("azure", null);
        RoutingFixtures.RuleBuilder enabled = rule("enabled").priority(1).to("openai", null);

        assertEquals(Optional.of("disabled"), decide(request().build(), table(disabled, enabled)).rule());
        assertEquals(Optional.of("enabled"), decide(request().build(), table(enabled)).rule());
    }

    @Test
    void decide_missingHeader_noMatchNotSkipped() {
        RoutingTable table = table(rule("eu").when("headers[\"x-region\"] == \"eu\" && max_tokens >= 0"));

        RoutingDecision decision = decide(request().build(), table);

        assertFalse(decision.decided());
        RuleTrace traced = decision.trace().steps().get(0).rules().get(0);
        assertEquals(RuleTrace.Result.NO_MATCH, traced.result());
        assertEquals(List.of("x-region"), traced.headersMissing());
    }

    @Test
    void decide_headerKeyWrittenInUpperCase_matchesLowerCasedHeader() {
        RoutingTable table = table(rule("eu").when("headers[\"X-Region\"] == \"eu\"").to("azure", null));

        RoutingDecision decision = decide(request().header("x-region", "eu").build(), table);

        assertEquals(Optional.of("eu"), decision.rule());
        assertEquals(List.of("x-region"), decision.trace().steps().get(0).rules().get(0).headersPresent());
    }

    @Test
    void decide_emptyExpression_matchesAnyRequest() {
        RoutingTable table = table(rule("all").when("").to("azure", null));

        assertEquals(Optional.of("all"), decide(request().model("anything").build(), table).rule());
    }

    @Test
    void decide_noRuleMatches_requestKeepsProviderAndModel() {
        RoutingTable table = table(rule("never").when("model == \"other\"").to("azure", "x"));

        RoutingDecision decision = decide(request().provider("openai").model("gpt-4o").build(), table);

        assertEquals("openai", decision.provider());
        assertEquals("gpt-4o", decision.model());
        assertEquals(Optional.empty(), decision.rule());
        assertEquals(Optional.empty(), decision.keyId());
        assertEquals(Optional.empty(), decision.fallbacks());
        assertEquals(TraceStep.Outcome.NO_MATCH, decision.trace().steps().get(0).outcome());
    }

    @Test
    void decide_emptyTable_oneStepWithoutRules() {
        RoutingDecision decision = decide(request().build(), RoutingTable.EMPTY);

        assertEquals(1, decision.trace().steps().size());
        assertEquals(List.of(), decision.trace().steps().get(0).rules());
    }

    @Test
    void decide_ruleOnCallerAndRequest_seesAllVariables() {
        RoutingTable table = table(rule("all-vars").when("team_name == \"research\" && customer_name == \"acme\""
                + " && request_type == \"chat\" && params[\"mode\"] == \"fast\" && stream && max_tokens > 4000"
                + " && virtual_key_id == \"" + VK + "\"").to("azure", null));

        RoutingRequest request = request().param("mode", "fast").stream(true).maxTokens(8000).build();

        assertEquals(Optional.of("all-vars"), decide(request, table).rule());
    }

    @Test
    void decide_manyThreadsShareEngineAndTable_sameDecisions() throws Exception {
        RoutingTable table = table(
                rule("eu").when("headers[\"x-region\"] == \"eu\"").to("azure", null),
                rule("big").when("max_tokens > 4000 && budget_used < 50.0").to(null, "gpt-4.1"),
                rule("rest").to("openai", null));
        RoutingEngine shared = new RoutingEngine(RandomSource.threadLocal());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    RoutingRequest request = request().header("x-region", n % 3 == 0 ? "eu" : "us")
                            .maxTokens(n % 3 == 1 ? 8000 : 100).build();
                    RoutingDecision d = shared.decide(request, table, (v, p, m, c) -> n % 2 * 10.0, 10);
                    return n % 3 + ":" + d.rule().orElseThrow() + ":" + d.provider() + "/" + d.model();
                }));
            }
            for (Future<String> result : results) {
                String expected = switch (result.get().charAt(0)) {
                    case '0' -> "0:eu:azure/gpt-4o";
                    case '1' -> "1:big:/gpt-4.1";
                    default -> "2:rest:openai/gpt-4o";
                };
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void decide_maxDepthBelowOne_rejected() {
        assertThrows(IllegalArgumentException.class,
                () -> engine.decide(request().build(), RoutingTable.EMPTY, CapacityView.NONE, 0));
    }
}
