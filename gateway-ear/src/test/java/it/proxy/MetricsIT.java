package it.proxy;

import static it.proxy.DataPlane.MOCK;
import static it.proxy.DataPlane.provider;
import static it.proxy.DataPlane.scriptedKey;
import static it.proxy.GovernanceIT.budgetOf;
import static it.proxy.GovernanceIT.chat;
import static it.proxy.GovernanceIT.created;
import static it.proxy.DataPlane.pricedProvider;
import static it.support.Bodies.array;
import static it.support.Bodies.object;
import static it.support.Bodies.strings;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Metrics;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data plane's Prometheus metrics (API.md §5) move as requests, retries, fallbacks and denials happen. */
class MetricsIT {

    @Test
    void chat_servedAndPriced_requestTokensCostAndDurationsRecorded() {
        String provider = pricedProvider(scriptedKey(""));
        String vkName = unique("met-vk");
        String vk = created("/api/virtual-keys", object().add("name", vkName)).getString("value");

        assertEquals(200, chat(vk, provider + "/gpt-4o").statusCode());

        Map<String, String> served = Map.of("provider", provider, "model", "gpt-4o", "virtual_key", vkName,
                "status", "200");
        assertEquals(1.0, Metrics.await("iris_requests_total", served, 1));
        String scrape = Metrics.scrape();
        assertTrue(Metrics.sum(scrape, "iris_tokens_total", Map.of("provider", provider, "direction", "input")) > 0);
        assertTrue(Metrics.sum(scrape, "iris_tokens_total", Map.of("provider", provider, "direction", "output"))
                > 0);
        assertTrue(Metrics.sum(scrape, "iris_cost_usd_total", Map.of("provider", provider, "virtual_key", vkName))
                > 0, "priced at $1 a token");
        assertEquals(1.0, Metrics.sum(scrape, "iris_request_duration_seconds_count", Map.of("provider", provider)));
        assertEquals(1.0, Metrics.sum(scrape, "iris_request_duration_seconds_bucket",
                Map.of("provider", provider, "le", "+Inf")), "a histogram, not a summary");
        assertEquals(1.0, Metrics.sum(scrape, "iris_upstream_duration_seconds_count", Map.of("provider", provider)));
        assertTrue(Metrics.sum(scrape, "iris_overhead_seconds_count", Map.of()) >= 1);
        assertFalse(scrape.contains(vk), "no virtual key value in the metrics");
    }

    @Test
    void chat_503ThenOk_retryCounted() {
        String key = scriptedKey("status=503;fail_times=1");
        String provider = unique("met-retry");
        created("/api/providers", object().add("name", provider).add("type", "openai")
                .add("base_url", MOCK.openAiBaseUrl()).add("models", strings("gpt-4o"))
                .add("keys", array(object().add("name", "k0").add("value", key)))
                .add("network", object().add("max_retries", 1).add("retry_backoff_initial_ms", 10)));

        assertEquals(200, chat(DataPlane.virtualKey(), provider + "/gpt-4o").statusCode());

        assertEquals(1.0, Metrics.await("iris_retries_total", Map.of("provider", provider), 1));
        assertEquals(2, MOCK.requestsWithKey(key).size());
    }

    @Test
    void chat_firstTarget503_fallbackCountedAgainstTheFailedProvider() {
        String failing = provider("openai", scriptedKey("status=503"));
        String backup = provider("openai", scriptedKey(""));
        JsonObject body = object().add("model", failing + "/gpt-4o").add("fallbacks", strings(backup + "/gpt-4o"))
                .add("messages", array(object().add("role", "user").add("content", "hi"))).build();

        HttpResponse<String> response = DataPlane.call("POST", "/v1/chat/completions", body.toString(),
                Map.of("Authorization", "Bearer " + DataPlane.virtualKey()));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1.0, Metrics.await("iris_fallbacks_total", Map.of("provider", failing), 1));
        assertEquals(1.0, Metrics.await("iris_requests_total", Map.of("provider", backup, "status", "200"), 1));
    }

    @Test
    void chat_budgetUsedUp_402CountedAndBudgetGaugesShown() {
        String provider = pricedProvider(scriptedKey(""));
        String vkName = unique("met-broke");
        JsonObject vk = created("/api/virtual-keys", object().add("name", vkName)
                .add("budgets", array(budgetOf(0))));
        String budgetId = vk.getJsonArray("budgets").getJsonObject(0).getString("id");

        assertEquals(402, chat(vk.getString("value"), provider + "/gpt-4o").statusCode());

        assertEquals(1.0, Metrics.await("iris_requests_total", Map.of("virtual_key", vkName, "status", "402"), 1));
        assertTrue(Metrics.awaitSeries("iris_budget_usage_usd", Map.of("budget_id", budgetId)),
                "a usage gauge for the budget (registered within a second)");
        assertTrue(Metrics.awaitSeries("iris_budget_limit_usd", Map.of("budget_id", budgetId)));
    }

    @Test
    void chat_ruleDecides_ruleDecisionCountedAndKeyHealthShown() {
        String provider = provider("openai", scriptedKey(""));
        String vkName = unique("met-rule-vk");
        JsonObject vk = created("/api/virtual-keys", object().add("name", vkName));
        String alias = unique("met-alias");
        String rule = unique("met-rule");
        created("/api/routing/rules", object().add("name", rule).add("scope", "virtual_key")
                .add("scope_id", vk.getString("id")).add("priority", 0)
                .add("cel_expression", "model == \"" + alias + "\"")
                .add("targets", array(object().add("provider", provider).add("model", "gpt-4o").add("weight", 1))));

        assertEquals(200, chat(vk.getString("value"), alias).statusCode());

        assertEquals(1.0, Metrics.await("iris_rule_decisions_total", Map.of("rule", rule), 1));
        assertEquals(1.0, Metrics.await("iris_requests_total", Map.of("rule", rule, "virtual_key", vkName), 1));
        assertEquals(1.0, Metrics.await("iris_target_health", Map.of("provider", provider), 1),
                "a healthy key's health factor");
    }
}
