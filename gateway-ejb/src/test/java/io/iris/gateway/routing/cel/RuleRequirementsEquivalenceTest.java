package io.iris.gateway.routing.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever the requirements conclude without CEL, CEL concludes too. */
class RuleRequirementsEquivalenceTest {

    private static final List<String> EXPRESSIONS = List.of(
            "model == \"gpt-4o\"", "\"gpt-4o\" != model", "model in [\"gpt-4o\", \"o3\"]",
            "model.startsWith(\"claude\") && stream", "model.endsWith(\"4o\")", "model.contains(\"\")",
            "provider == \"\" && request_type == \"chat\"", "team_name == \"research\" && max_tokens > 4000",
            "headers[\"x-region\"] == \"eu\" && model == \"gpt-4o\"", "headers.tier == \"gold\"",
            "headers[\"x-region\"] == \"eu\" && int(headers[\"x-n\"]) > 3",
            "int(headers[\"x-n\"]) > 3 && headers[\"x-region\"] == \"eu\"",
            "model == \"gpt-4o\" && 1 / max_tokens > 0", "stream == false", "stream",
            "budget_used > 80", "budget_used >= 0", "budget_used < 0", "0 <= budget_used", "budget_used > 80.0",
            "budget_used == 0.0", "budget_used != 80.5", "-1 < budget_used", "budget_used < 9223372036854775807",
            "max_tokens > 4000", "max_tokens == 4000", "4000 >= max_tokens", "max_tokens > 4000.5",
            "max_tokens < 9.3e18", "estimated_prompt_tokens > 100000 && budget_used < 50.0",
            "params[\"mode\"] == \"fast\" && customer_name == \"acme\"");

    private static final List<Map<String, Object>> ACTIVATIONS = activations();

    private static List<Map<String, Object>> activations() {
        List<Map<String, Object>> all = new ArrayList<>();
        double[] budgets = {Double.NaN, -0.0, 0.0, -1.0, 80.0, 80.5, 100.0, Double.POSITIVE_INFINITY};
        long[] maxTokens = {0, 4000, 4001, Long.MAX_VALUE};
        List<Map<String, String>> headers = List.of(Map.of(), Map.of("x-region", "eu", "x-n", "abc"),
                Map.of("x-region", "us", "x-n", "7", "tier", "gold"));
        String[] models = {"gpt-4o", "claude-3-5", ""};
        int i = 0;
        for (double budget : budgets) {
            for (long max : maxTokens) {
                for (Map<String, String> h : headers) {
                    for (String model : models) {
                        i++;
                        all.add(Map.of("model", model, "budget_used", budget, "max_tokens", max, "headers", h,
                                "stream", i % 2 == 0, "team_name", i % 3 == 0 ? "research" : "ops",
                                "estimated_prompt_tokens", (long) i * 1000, "params", Map.of("mode", "fast"),
                                "request_type", i % 4 == 0 ? "embedding" : "chat"));
                    }
                }
            }
        }
        return all;
    }

    @Test
    void check_everyVerdictWithoutEvaluation_agreesWithCel() {
        int decidedWithoutCel = 0;
        for (String expression : EXPRESSIONS) {
            CompiledRule rule = RuleCompiler.standard().compile(expression);
            RuleRequirements requirements = RuleRequirements.of(rule);
            for (Map<String, Object> activation : ACTIVATIONS) {
                RuleRequirements.Kind kind = requirements.check(activation).kind();
                if (kind == RuleRequirements.Kind.EVALUATE) {
                    continue;
                }
                decidedWithoutCel++;
                boolean matched;
                try {
                    matched = rule.matches(activation);
                } catch (RuleEvaluationException e) {
                    fail(expression + " on " + activation + ": requirements said " + kind + ", CEL failed: "
                            + e.getMessage());
                    return;
                }
                assertEquals(kind == RuleRequirements.Kind.MATCHES, matched, expression + " on " + activation);
            }
        }
        assertTrue(decidedWithoutCel > EXPRESSIONS.size() * ACTIVATIONS.size() / 2, "" + decidedWithoutCel);
    }
}
