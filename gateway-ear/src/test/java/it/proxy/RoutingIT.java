package it.proxy;

import static it.proxy.DataPlane.MOCK;
import static it.proxy.DataPlane.call;
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
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Routing rules on real proxied requests (API.md §2): scope precedence, targets, chain rules, rule fallbacks,
 * key pins, and changes seen by the next request. Rules here are scoped to a virtual key, team or customer made
 * for the test, or to a header value only the test sends, so other tests on the same server are not routed.
 */
class RoutingIT {

    /** A virtual key of a new team of a new customer: its value and ids. */
    record Caller(String value, String id, String teamId, String customerId) {
        static Caller create() {
            String customer = created("/api/customers", object().add("name", unique("rt-cust"))).getString("id");
            String team = created("/api/teams", object().add("name", unique("rt-team")).add("customer_id", customer))
                    .getString("id");
            JsonObject vk = created("/api/virtual-keys", object().add("name", unique("rt-vk")).add("team_id", team));
            return new Caller(vk.getString("value"), vk.getString("id"), team, customer);
        }

        HttpResponse<String> chat(String model, Map<String, String> headers) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put("Authorization", "Bearer " + value);
            return call("POST", "/v1/chat/completions", DataPlane.chat(model).toString(), all);
        }
    }

    @Test
    void chat_vkRuleOnHeader_routesToItsTargetAndNamesTheRule() {
        String key = scriptedKey("");
        String target = provider("openai", key);
        Caller caller = Caller.create();
        String rule = rule(caller.id(), "virtual_key", 0, "headers[\"X-Region\"] == \"eu\"",
                target(target, "gpt-4o", 1.0));

        HttpResponse<String> routed = caller.chat("routed-alias", Map.of("x-region", "eu"));
        HttpResponse<String> notRouted = caller.chat("routed-alias", Map.of("x-region", "us"));

        assertEquals(200, routed.statusCode(), routed.body());
        assertEquals(target, header(routed, "x-iris-provider"));
        assertEquals("gpt-4o", header(routed, "x-iris-model"));
        assertEquals(rule, header(routed, "x-iris-rule"));
        assertEquals("gpt-4o", MOCK.requestsWithKey(key).get(0).json().getString("model"));
        assertEquals(400, notRouted.statusCode(), "no rule matched and no provider serves the alias");
        assertTrue(notRouted.body().contains("model_not_found"), notRouted.body());
    }

    @Test
    void chat_vkRuleOfHigherPriorityNumber_beatsTeamCustomerAndGlobalRules() {
        String vkTarget = provider("openai", scriptedKey(""));
        String teamTarget = provider("openai", scriptedKey(""));
        String customerTarget = provider("openai", scriptedKey(""));
        Caller caller = Caller.create();
        String marker = unique("m");
        String global = rule(null, "global", 0, "headers[\"x-rt-marker\"] == \"" + marker + "\"",
                target(customerTarget, "gpt-4o", 1.0));
        String customer = rule(caller.customerId(), "customer", 0, "", target(customerTarget, "gpt-4o", 1.0));
        String team = rule(caller.teamId(), "team", 0, "", target(teamTarget, "gpt-4o", 1.0));
        String vk = rule(caller.id(), "virtual_key", 100, "model == \"precedence\"", target(vkTarget, "gpt-4o", 1.0));

        HttpResponse<String> byVk = caller.chat("precedence", Map.of("x-rt-marker", marker));
        HttpResponse<String> byTeam = caller.chat("gpt-4o", Map.of("x-rt-marker", marker));
        disable(team);
        HttpResponse<String> byCustomer = caller.chat("gpt-4o", Map.of("x-rt-marker", marker));
        disable(customer);
        HttpResponse<String> byGlobal = caller.chat("gpt-4o", Map.of("x-rt-marker", marker));
        delete(global);

        assertEquals(vk, header(byVk, "x-iris-rule"));
        assertEquals(vkTarget, header(byVk, "x-iris-provider"));
        assertEquals(team, header(byTeam, "x-iris-rule"));
        assertEquals(teamTarget, header(byTeam, "x-iris-provider"));
        assertEquals(customer, header(byCustomer, "x-iris-rule"), "the disabled team rule no longer decides");
        assertEquals(global, header(byGlobal, "x-iris-rule"));
    }

    @Test
    void chat_chainRule_reevaluatesWithTheResolvedModel() {
        String key = scriptedKey("");
        String target = provider("openai", key);
        Caller caller = Caller.create();
        rule(caller.id(), "virtual_key", 0, "model == \"smart\"", target(null, "gpt-4o", 1.0), true, null);
        String second = rule(caller.id(), "virtual_key", 1, "model == \"gpt-4o\"", target(target, null, 1.0));

        HttpResponse<String> response = caller.chat("smart", Map.of());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(second, header(response, "x-iris-rule"));
        assertEquals(target, header(response, "x-iris-provider"));
        assertEquals("gpt-4o", MOCK.requestsWithKey(key).get(0).json().getString("model"));
    }

    @Test
    void chat_ruleWithFallbacks_replacesTheRequestsFallbacks() {
        String failing = provider("openai", scriptedKey("status=503"));
        String backupKey = scriptedKey("");
        String backup = provider("openai", backupKey);
        String ignoredKey = scriptedKey("");
        String ignored = provider("openai", ignoredKey);
        Caller caller = Caller.create();
        String rule = rule(caller.id(), "virtual_key", 0, "", target(failing, "gpt-4o", 1.0), false,
                strings(backup + "/"));
        JsonObject body = object().add("model", "gpt-4o").add("fallbacks", strings(ignored + "/gpt-4o"))
                .add("messages", array(object().add("role", "user").add("content", "hi"))).build();

        HttpResponse<String> response = call("POST", "/v1/chat/completions", body.toString(),
                Map.of("Authorization", "Bearer " + caller.value()));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(backup, header(response, "x-iris-provider"));
        assertEquals("1", header(response, "x-iris-fallback-index"));
        assertEquals(rule, header(response, "x-iris-rule"));
        assertEquals(1, MOCK.requestsWithKey(backupKey).size());
        assertTrue(MOCK.requestsWithKey(ignoredKey).isEmpty(), "the request's own fallbacks were replaced");
    }

    @Test
    void chat_targetPinsAKey_usesOnlyThatKey() {
        String first = scriptedKey("");
        String second = scriptedKey("");
        String name = unique("pin");
        JsonObject created = created("/api/providers", object().add("name", name).add("type", "openai")
                .add("base_url", MOCK.openAiBaseUrl()).add("models", strings("gpt-4o"))
                .add("keys", array(object().add("name", "a").add("value", first),
                        object().add("name", "b").add("value", second))));
        String pinned = created.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getString("name").equals("b")).findFirst().orElseThrow().getString("id");
        Caller caller = Caller.create();
        rule(caller.id(), "virtual_key", 0, "", object().add("provider", name).add("model", "gpt-4o")
                .add("key_id", pinned).add("weight", 1.0));

        for (int i = 0; i < 6; i++) {
            assertEquals(200, caller.chat("gpt-4o", Map.of()).statusCode());
        }

        assertTrue(MOCK.requestsWithKey(first).isEmpty());
        assertEquals(6, MOCK.requestsWithKey(second).size());
    }

    @Test
    void chat_weightedTargets_bothServeOverManyRequests() {
        String a = provider("openai", scriptedKey(""));
        String b = provider("openai", scriptedKey(""));
        Caller caller = Caller.create();
        rule(caller.id(), "virtual_key", 0, "", target(a, "gpt-4o", 0.5), target(b, "gpt-4o", 0.5));

        Set<String> served = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            served.add(header(caller.chat("gpt-4o", Map.of()), "x-iris-provider"));
        }

        assertEquals(Set.of(a, b), served, "1 in 2^39 chance of a false failure");
    }

    @Test
    void chat_ruleChanged_nextRequestSeesIt() {
        String a = provider("openai", scriptedKey(""));
        String b = provider("openai", scriptedKey(""));
        Caller caller = Caller.create();
        String rule = rule(caller.id(), "virtual_key", 0, "", target(a, "gpt-4o", 1.0));
        assertEquals(a, header(caller.chat("gpt-4o", Map.of()), "x-iris-provider"));

        Reply replaced = admin("PUT", "/api/routing/rules/" + ruleId(rule), object().add("name", rule)
                .add("scope", "virtual_key").add("scope_id", caller.id())
                .add("targets", array(target(b, "gpt-4o", 1.0))).build());
        assertEquals(200, replaced.status(), replaced.toString());

        assertEquals(b, header(caller.chat("gpt-4o", Map.of()), "x-iris-provider"));
    }

    @Test
    void chat_ruleExpressionFailsAtRunTime_ruleSkippedAndNextDecides() {
        String next = provider("openai", scriptedKey(""));
        Caller caller = Caller.create();
        rule(caller.id(), "virtual_key", 0, "int(headers[\"x-n\"]) > 3", target(next, "gpt-4o", 1.0));
        String fallbackRule = rule(caller.id(), "virtual_key", 1, "", target(next, "gpt-4o", 1.0));

        HttpResponse<String> response = caller.chat("gpt-4o", Map.of("x-n", "not-a-number"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(fallbackRule, header(response, "x-iris-rule"));
    }

    @Test
    void chat_ruleTargetWhoseKeysAllOpened_itsShareGoesToThePeerWithoutFailedAttempts() throws InterruptedException {
        String brokenKey = scriptedKey("status=500");
        String broken = provider("openai", brokenKey);
        String healthy = provider("openai", scriptedKey(""));
        Caller caller = Caller.create();
        String alias = unique("split-alias");
        created("/api/routing/rules", object().add("name", unique("rt-rule")).add("scope", "virtual_key")
                .add("scope_id", caller.id()).add("priority", 0).add("cel_expression", "model == \"" + alias + "\"")
                .add("targets", array(target(broken, "gpt-4o", 0.5), target(healthy, "gpt-4o", 0.5)))
                .add("fallbacks", strings(healthy + "/gpt-4o")));
        for (int i = 0; i < 300 && MOCK.requestsWithKey(brokenKey).size() < 5; i++) {
            assertEquals(200, caller.chat(alias, Map.of()).statusCode(), "the rule's fallback serves");
        }
        assertEquals(5, MOCK.requestsWithKey(brokenKey).size(), "five failures open its only key's circuit");
        Thread.sleep(1200); // provider health is recomputed once a second

        long start = System.nanoTime();
        int firstTargetServed = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = caller.chat(alias, Map.of());
            assertEquals(200, response.statusCode(), response.body());
            if (header(response, "x-iris-fallback-index").equals("0")) {
                assertEquals(healthy, header(response, "x-iris-provider"));
                firstTargetServed++;
            }
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        if (elapsedMs + 1200 < 4000) { // the IT server's circuit cool-down (gateway-ear's pom)
            assertEquals(20, firstTargetServed, "every request picked the healthy target first");
            assertEquals(5, MOCK.requestsWithKey(brokenKey).size());
        } else {
            assertTrue(firstTargetServed >= 15, "past the cool-down only probes go to the broken target: "
                    + firstTargetServed);
        }
    }

    // --- helpers

    private static final Map<String, String> IDS = new java.util.concurrent.ConcurrentHashMap<>();

    static JsonObjectBuilder target(String provider, String model, double weight) {
        JsonObjectBuilder target = object().add("weight", weight);
        if (provider != null) {
            target.add("provider", provider);
        }
        if (model != null) {
            target.add("model", model);
        }
        return target;
    }

    /** Creates an enabled rule; returns its name. */
    static String rule(String scopeId, String scope, int priority, String expression, JsonObjectBuilder... targets) {
        return rule(scopeId, scope, priority, expression, array(targets), false, null);
    }

    static String rule(String scopeId, String scope, int priority, String expression, JsonObjectBuilder target,
                       boolean chain, jakarta.json.JsonArray fallbacks) {
        return rule(scopeId, scope, priority, expression, array(target), chain, fallbacks);
    }

    private static String rule(String scopeId, String scope, int priority, String expression,
                               jakarta.json.JsonArray targets, boolean chain, jakarta.json.JsonArray fallbacks) {
        String name = unique("rt-rule");
        JsonObjectBuilder body = object().add("name", name).add("scope", scope).add("priority", priority)
                .add("cel_expression", expression).add("targets", targets).add("chain_rule", chain);
        if (scopeId != null) {
            body.add("scope_id", scopeId);
        }
        if (fallbacks != null) {
            body.add("fallbacks", fallbacks);
        }
        IDS.put(name, created("/api/routing/rules", body).getString("id"));
        return name;
    }

    static String ruleId(String name) {
        return IDS.get(name);
    }

    private static void disable(String rule) {
        Reply current = admin("GET", "/api/routing/rules/" + ruleId(rule));
        JsonObjectBuilder body = object();
        current.json().forEach(body::add);
        Reply replaced = admin("PUT", "/api/routing/rules/" + ruleId(rule), body.add("enabled", false).build());
        assertEquals(200, replaced.status(), replaced.toString());
    }

    private static void delete(String rule) {
        assertEquals(204, admin("DELETE", "/api/routing/rules/" + ruleId(rule)).status());
    }

    static JsonObject created(String path, JsonObjectBuilder body) {
        Reply reply = admin("POST", path, body.build());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    static String header(HttpResponse<String> response, String name) {
        Optional<String> value = response.headers().firstValue(name);
        assertTrue(value.isPresent(), name + " missing: " + response.statusCode() + " " + response.body());
        return value.get();
    }
}
