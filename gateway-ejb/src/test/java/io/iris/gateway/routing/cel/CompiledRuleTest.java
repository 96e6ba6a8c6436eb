package io.iris.gateway.routing.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CompiledRuleTest {

    private final RuleCompiler compiler = RuleCompiler.standard();

    @Test
    void matches_emptyExpression_trueForAnyActivation() {
        CompiledRule rule = compiler.compile("");

        assertTrue(rule.matches(Map.of()));
        assertEquals(Boolean.TRUE, rule.evaluate(Map.of("model", "x")));
    }

    @Test
    void matches_headerKeyWrittenInUpperCase_matchesLowerCasedHeader() {
        CompiledRule rule = compiler.compile("headers[\"X-Region\"] == \"eu\"");

        assertTrue(rule.matches(Map.of("headers", Map.of("x-region", "eu"))));
        assertFalse(rule.matches(Map.of("headers", Map.of("x-region", "us"))));
    }

    @Test
    void matches_selectInAndHasWithUpperCaseKeys_matchLowerCasedMaps() {
        CompiledRule rule = compiler.compile(
                "headers.Tier == \"gold\" && \"X-Tenant\" in headers && has(params.Debug)");

        assertTrue(rule.matches(Map.of("headers", Map.of("tier", "gold", "x-tenant", "acme"),
                "params", Map.of("debug", "1"))));
    }

    @Test
    void matches_missingHeaderKey_doesNotMatch() {
        CompiledRule rule = compiler.compile("headers[\"x-region\"] == \"eu\"");

        assertFalse(rule.matches(Map.of("headers", Map.of("x-other", "eu"))));
        assertFalse(rule.matches(Map.of()));
    }

    @Test
    void matches_missingParamKeyBySelect_doesNotMatch() {
        CompiledRule rule = compiler.compile("params.mode == \"fast\"");

        assertFalse(rule.matches(Map.of("params", Map.of())));
    }

    @Test
    void matches_missingKeyNegated_stillDoesNotMatch() {
        CompiledRule rule = compiler.compile("!(headers[\"x-region\"] == \"eu\")");

        assertFalse(rule.matches(Map.of()));
    }

    @Test
    void matches_missingKeyOnOneSideOfOr_otherSideDecides() {
        CompiledRule rule = compiler.compile("headers[\"x-region\"] == \"eu\" || model == \"gpt-4o\"");

        assertTrue(rule.matches(Map.of("model", "gpt-4o")));
        assertFalse(rule.matches(Map.of("model", "gpt-4o-mini")));
    }

    @Test
    void evaluate_missingKey_throws() {
        CompiledRule rule = compiler.compile("headers[\"x-region\"] == \"eu\"");

        assertThrows(RuleEvaluationException.class, () -> rule.evaluate(Map.of()));
    }

    @Test
    void matches_budgetAgainstDoubleLiteral_comparesNumerically() {
        CompiledRule rule = compiler.compile("budget_used > 80.0");

        assertTrue(rule.matches(Map.of("budget_used", 80.5)));
        assertFalse(rule.matches(Map.of("budget_used", 80.0)));
    }

    @Test
    void matches_budgetAgainstIntLiteral_comparesNumerically() {
        CompiledRule rule = compiler.compile("budget_used > 80 && vk_budget_used <= 100");

        assertTrue(rule.matches(Map.of("budget_used", 80.5)));
        assertFalse(rule.matches(Map.of("budget_used", 79.9)));
        assertFalse(rule.matches(Map.of("budget_used", 80.5, "vk_budget_used", 100.5)));
    }

    @Test
    void matches_maxTokensAgainstInt_acceptsLongAndInteger() {
        CompiledRule rule = compiler.compile("max_tokens > 1000");

        assertTrue(rule.matches(Map.of("max_tokens", 2000L)));
        assertTrue(rule.matches(Map.of("max_tokens", 2000)));
        assertFalse(rule.matches(Map.of("max_tokens", 500)));
        assertFalse(rule.matches(Map.of()));
    }

    @Test
    void matches_intVariableAgainstDoubleLiteral_comparesNumerically() {
        CompiledRule rule = compiler.compile("estimated_prompt_tokens > 1.5e5");

        assertTrue(rule.matches(Map.of("estimated_prompt_tokens", 200_000L)));
        assertFalse(rule.matches(Map.of("estimated_prompt_tokens", 100)));
    }

    @Test
    void matches_floatForDouble_widened() {
        assertTrue(compiler.compile("budget_used > 80").matches(Map.of("budget_used", 85.5f)));
    }

    @Test
    void matches_partialActivation_restTakesDefaults() {
        CompiledRule rule = compiler.compile("model == \"gpt-4o\" && provider == \"\" && !stream "
                + "&& max_tokens == 0 && rate_limit_used == 0.0 && size(params) == 0");

        assertTrue(rule.matches(Map.of("model", "gpt-4o")));
    }

    @Test
    void matches_nullValueInActivation_takesDefault() {
        Map<String, Object> activation = new HashMap<>();
        activation.put("team_id", null);
        activation.put("stream", true);

        assertTrue(compiler.compile("team_id == \"\" && stream").matches(activation));
    }

    @Test
    void matches_everyVariableType_evaluates() {
        CompiledRule rule = compiler.compile("request_type == \"chat_stream\" && stream && team_name == \"ml\" "
                + "&& customer_budget_used < 50.0 && virtual_key_name.startsWith(\"svc-\") "
                + "&& headers[\"x-region\"] == \"eu\" && params[\"mode\"] == \"fast\"");

        assertTrue(rule.matches(Map.of("request_type", "chat_stream", "stream", true, "team_name", "ml",
                "customer_budget_used", 12.5, "virtual_key_name", "svc-billing",
                "headers", Map.of("x-region", "eu"), "params", Map.of("mode", "fast"))));
    }

    @Test
    void matches_stringExtensionFunction_evaluates() {
        CompiledRule rule = compiler.compile("model.upperAscii().substring(0, 3) == \"GPT\"");

        assertTrue(rule.matches(Map.of("model", "gpt-4o")));
    }

    @Test
    void matches_divisionByZero_throwsEvaluationException() {
        CompiledRule rule = compiler.compile("1000 / max_tokens > 1");

        RuleEvaluationException e = assertThrows(RuleEvaluationException.class, () -> rule.matches(Map.of()));
        assertTrue(e.getMessage().contains("/ by zero"), e.getMessage());
    }

    @Test
    void matches_wrongActivationType_throwsEvaluationException() {
        CompiledRule rule = compiler.compile("max_tokens > 10");

        assertThrows(RuleEvaluationException.class, () -> rule.matches(Map.of("max_tokens", "many")));
    }

    @Test
    void matches_overIterationBudget_throwsEvaluationException() {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            headers.put("h" + i, "v");
        }
        CompiledRule rule = compiler.compile("headers.exists(a, headers.exists(b, a + b == \"none\"))");

        RuleEvaluationException e = assertThrows(RuleEvaluationException.class,
                () -> rule.matches(Map.of("headers", headers)));
        assertTrue(e.getMessage().contains("Iteration budget exceeded"), e.getMessage());
    }

    @Test
    void matches_concurrentEvaluation_consistentResults() throws Exception {
        CompiledRule rule = compiler.compile("headers[\"X-Region\"] == \"eu\" && budget_used < 90");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    int matched = 0;
                    for (int i = 0; i < 1000; i++) {
                        String region = i % 2 == 0 ? "eu" : "us";
                        matched += rule.matches(Map.of("headers", Map.of("x-region", region),
                                "budget_used", 10.0)) ? 1 : 0;
                    }
                    return matched;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(500, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
