package it.proxy;

import static it.proxy.DataPlane.MOCK;
import static it.proxy.DataPlane.call;
import static it.proxy.DataPlane.pricedProvider;
import static it.proxy.DataPlane.provider;
import static it.proxy.DataPlane.scriptedKey;
import static it.support.Bodies.array;
import static it.support.Bodies.object;
import static it.support.Bodies.strings;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Budgets and rate limits enforced on proxied requests (API.md §4): exact under concurrency, the caller's own
 * limits refusing with 402/429 and no upstream call, a target's limits moving to the next fallback.
 */
class GovernanceIT {
    /** The mock answers "Say hello" with 2 prompt and 4 completion tokens; at $1 a token that is $6. */
    static final double REQUEST_COST = 6.0;

    @Test
    void chat_requestLimitOfFiveAndHundredParallelRequests_exactlyFiveServed() throws Exception {
        String key = scriptedKey("delay_ms=50");
        String target = provider("openai", key);
        String vk = virtualKey(object().add("rate_limit", object().add("request_max_limit", 5)
                .add("request_reset_duration", "1h")));

        List<HttpResponse<String>> responses = parallel(100, () -> chat(vk, target + "/gpt-4o"));

        List<HttpResponse<String>> served = responses.stream().filter(r -> r.statusCode() == 200).toList();
        List<HttpResponse<String>> limited = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertEquals(5, served.size());
        assertEquals(95, limited.size());
        assertTrue(limited.get(0).body().contains("request_limited"), limited.get(0).body());
        long retryAfter = Long.parseLong(limited.get(0).headers().firstValue("retry-after").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals(5, MOCK.requestsWithKey(key).size(), "refused requests never reach the provider");
    }

    @Test
    void chat_budgetWithRoomForFiveAndHundredParallelRequests_spendsAtMostTheLimitPlusOneRequest() throws Exception {
        String key = scriptedKey("delay_ms=50");
        String target = pricedProvider(key);
        String vk = virtualKey(object().add("budgets", array(object().add("max_limit", 5 * REQUEST_COST)
                .add("reset_duration", "1d"))));

        List<HttpResponse<String>> responses = parallel(100, () -> chat(vk, target + "/gpt-4o"));

        long served = responses.stream().filter(r -> r.statusCode() == 200).count();
        long refused = responses.stream().filter(r -> r.statusCode() == 402).count();
        assertTrue(served >= 5 && served * REQUEST_COST <= 5 * REQUEST_COST + REQUEST_COST,
                served + " served: more than the limit plus one request");
        assertEquals(100, served + refused);
        HttpResponse<String> one = responses.stream().filter(r -> r.statusCode() == 402).findFirst().orElseThrow();
        assertTrue(one.body().contains("budget_exceeded") && one.body().contains("virtual key"), one.body());
        assertEquals(served, MOCK.requestsWithKey(key).size());
    }

    @Test
    void chat_teamBudgetUsedUp_402NamingTheTeamAndNoFallbackTried() {
        String key = scriptedKey("");
        String target = provider("openai", key);
        String backupKey = scriptedKey("");
        String backup = provider("openai", backupKey);
        String team = unique("gov-team");
        String teamId = created("/api/teams", object().add("name", team).add("budgets", array(budgetOf(0))))
                .getString("id");
        String vk = virtualKey(object().add("team_id", teamId));
        JsonObject body = object().add("model", target + "/gpt-4o").add("fallbacks", strings(backup + "/"))
                .add("messages", array(object().add("role", "user").add("content", "Say hello"))).build();

        HttpResponse<String> response = call("POST", "/v1/chat/completions", body.toString(),
                Map.of("Authorization", "Bearer " + vk));

        assertEquals(402, response.statusCode(), response.body());
        JsonObject error = Json.createReader(new StringReader(response.body())).readObject().getJsonObject("error");
        assertEquals("budget_exceeded", error.getString("type"));
        assertTrue(error.getString("message").contains("team '" + team + "'"), error.getString("message"));
        assertTrue(response.headers().firstValue("retry-after").isPresent());
        assertTrue(MOCK.requestsWithKey(key).isEmpty());
        assertTrue(MOCK.requestsWithKey(backupKey).isEmpty(), "the caller's own budget is not a target failure");
    }

    @Test
    void chat_providerBudgetUsedUp_fallsBackToTheNextTarget() {
        String key = scriptedKey("");
        String blocked = unique("gov-blocked");
        created("/api/providers", object().add("name", blocked).add("type", "openai")
                .add("base_url", MOCK.openAiBaseUrl()).add("models", strings("gpt-4o"))
                .add("keys", array(object().add("name", "k").add("value", key)))
                .add("budgets", array(budgetOf(0))));
        String backupKey = scriptedKey("");
        String backup = provider("openai", backupKey);
        String vk = virtualKey(object());
        JsonObject body = object().add("model", blocked + "/gpt-4o").add("fallbacks", strings(backup + "/"))
                .add("messages", array(object().add("role", "user").add("content", "Say hello"))).build();

        HttpResponse<String> response = call("POST", "/v1/chat/completions", body.toString(),
                Map.of("Authorization", "Bearer " + vk));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(backup, response.headers().firstValue("x-iris-provider").orElseThrow());
        assertEquals("1", response.headers().firstValue("x-iris-fallback-index").orElseThrow());
        assertTrue(MOCK.requestsWithKey(key).isEmpty());
    }

    @Test
    void chat_servedRequest_usageFlushedToTheVirtualKeysBudget() throws Exception {
        String target = pricedProvider(scriptedKey(""));
        JsonObject vk = created("/api/virtual-keys", object().add("name", unique("gov-vk"))
                .add("budgets", array(budgetOf(1000))));

        assertEquals(200, chat(vk.getString("value"), target + "/gpt-4o").statusCode());

        double usage = 0;
        for (int i = 0; i < 50 && usage == 0; i++) {
            Thread.sleep(100);
            usage = admin("GET", "/api/virtual-keys/" + vk.getString("id")).json().getJsonArray("budgets")
                    .getJsonObject(0).getJsonNumber("current_usage").doubleValue();
        }
        assertEquals(REQUEST_COST, usage, 1e-9, "flushed within five seconds");
    }

    @Test
    void self_virtualKeyAsCredential_itsOwnBudgetsAndUsage() {
        JsonObject vk = created("/api/virtual-keys", object().add("name", unique("gov-self"))
                .add("budgets", array(budgetOf(25))));

        Reply self = it.support.Gateway.send("GET", "/api/virtual-keys/self", null, null,
                "Bearer " + vk.getString("value"));
        Reply noKey = it.support.Gateway.send("GET", "/api/virtual-keys/self", null, null, null);
        Reply unknown = it.support.Gateway.send("GET", "/api/virtual-keys/self", null, null,
                "Bearer sk-iris-unknownunknownunknownunknown00");

        assertEquals(200, self.status(), self.toString());
        assertEquals(vk.getString("id"), self.json().getString("id"));
        assertEquals(25.0, self.json().getJsonArray("budgets").getJsonObject(0).getJsonNumber("max_limit")
                .doubleValue(), 1e-9);
        assertTrue(self.json().getJsonArray("budgets").getJsonObject(0).containsKey("current_usage"));
        assertTrue(!self.body().contains(vk.getString("value")), "the key's value is never shown again");
        assertEquals(401, noKey.status());
        assertEquals(401, unknown.status());
    }

    @Test
    void chat_ruleOnBudgetUsed_movesToTheCheaperTargetOnceUsageCrosses80Percent() {
        String expensive = pricedProvider(scriptedKey(""));
        String cheap = provider("openai", scriptedKey(""));
        JsonObject vk = created("/api/virtual-keys", object().add("name", unique("gov-vk"))
                .add("allow_all_providers", true)
                .add("provider_configs", array(object().add("provider", expensive).add("weight", 1)
                        .add("allowed_models", strings("*")).add("budgets", array(budgetOf(25))))));
        created("/api/routing/rules", object().add("name", unique("gov-rule")).add("scope", "virtual_key")
                .add("scope_id", vk.getString("id")).add("cel_expression", "budget_used > 80.0")
                .add("targets", array(object().add("provider", cheap).add("weight", 1))));

        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = chat(vk.getString("value"), expensive + "/gpt-4o");
            assertEquals(200, response.statusCode(), response.body());
            servedBy.add(response.headers().firstValue("x-iris-provider").orElseThrow());
        }

        // $6 a request against $25: 24%, 48%, 72%, 96% used after the first four.
        assertEquals(List.of(expensive, expensive, expensive, expensive, cheap), servedBy);
    }

    @Test
    void chat_virtualKeyAndCustomerBudgetsUsedUp_eachRefusesOnItsOwn() {
        String target = provider("openai", scriptedKey(""));
        String vkValue = virtualKey(object().add("budgets", array(budgetOf(0))));
        String customer = unique("gov-cust");
        String customerId = created("/api/customers", object().add("name", customer)
                .add("budgets", array(budgetOf(0)))).getString("id");
        String customersKey = virtualKey(object().add("customer_id", customerId));

        HttpResponse<String> byKey = chat(vkValue, target + "/gpt-4o");
        HttpResponse<String> byCustomer = chat(customersKey, target + "/gpt-4o");

        assertEquals(402, byKey.statusCode());
        assertTrue(byKey.body().contains("virtual key"), byKey.body());
        assertEquals(402, byCustomer.statusCode());
        assertTrue(byCustomer.body().contains("customer '" + customer + "'"), byCustomer.body());
    }

    @Test
    void chat_tokenLimitReached_429TokenLimited() {
        String target = provider("openai", scriptedKey(""));
        String vk = virtualKey(object().add("rate_limit", object().add("token_max_limit", 5)
                .add("token_reset_duration", "1h")));

        HttpResponse<String> first = chat(vk, target + "/gpt-4o");
        HttpResponse<String> second = chat(vk, target + "/gpt-4o");

        assertEquals(200, first.statusCode(), "admitted while usage is below the limit; it uses 6 tokens");
        assertEquals(429, second.statusCode(), second.body());
        assertTrue(second.body().contains("token_limited"), second.body());
        assertTrue(second.headers().firstValue("retry-after").isPresent());
    }

    @Test
    void chat_modelWithoutPriceAndUnpricedModelsFree_servedAtNoCostAndCountedInTheWarningMetric() {
        String provider = provider("openai", scriptedKey(""));
        String model = unique("unpriced");
        String vk = virtualKey(object().add("budgets", array(budgetOf(0.000001))));
        // By default (deny) a model without a price is refused where a budget applies: see SpendAbuseIT.
        JsonObject original = admin("GET", "/api/config").json();
        HttpResponse<String> first;
        HttpResponse<String> second;
        try {
            assertEquals(200, admin("PUT", "/api/config", object().add("unpriced_models", "free").build()).status());
            first = chat(vk, provider + "/" + model);
            second = chat(vk, provider + "/" + model);
        } finally {
            assertEquals(200, admin("PUT", "/api/config", original).status());
        }

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, second.statusCode(), "no price, no cost: the tiny budget is never used");
        Reply metrics = it.support.Gateway.send("GET", "/metrics", null, null, null);
        String line = metrics.body().lines().filter(l -> l.startsWith("iris_unpriced_calls_total")
                && l.contains("model=\"" + model + "\"")).findFirst().orElse("");
        assertTrue(line.endsWith(" 2.0") || line.endsWith(" 2"), "metric line: '" + line + "'");
    }

    // --- helpers

    static JsonObjectBuilder budgetOf(double usd) {
        return object().add("max_limit", usd).add("reset_duration", "1d");
    }

    /** An OpenAI-type provider whose gpt-4o costs $1 per input and output token. */
    static String virtualKey(JsonObjectBuilder body) {
        return created("/api/virtual-keys", body.add("name", unique("gov-vk"))).getString("value");
    }

    static JsonObject created(String path, JsonObjectBuilder body) {
        Reply reply = admin("POST", path, body.build());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    static HttpResponse<String> chat(String vk, String model) {
        JsonObject body = object().add("model", model).add("max_tokens", 1)
                .add("messages", array(object().add("role", "user").add("content", "Say hello"))).build();
        return call("POST", "/v1/chat/completions", body.toString(), Map.of("Authorization", "Bearer " + vk));
    }

    private static <T> List<T> parallel(int count, java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
