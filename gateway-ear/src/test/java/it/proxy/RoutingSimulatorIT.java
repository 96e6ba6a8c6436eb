package it.proxy;

import static it.proxy.DataPlane.MOCK;
import static it.proxy.DataPlane.provider;
import static it.proxy.DataPlane.scriptedKey;
import static it.proxy.RoutingIT.rule;
import static it.proxy.RoutingIT.target;
import static it.support.Bodies.array;
import static it.support.Bodies.object;
import static it.support.Bodies.strings;
import static it.support.Gateway.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** {@code POST /api/routing/simulate} (API.md §2): the decision and its trace, with no upstream call. */
class RoutingSimulatorIT {

    @Test
    void simulate_vkRuleOnHeader_returnsDecisionAndTraceWithoutCallingTheProvider() {
        String key = scriptedKey("");
        String target = provider("openai", key);
        RoutingIT.Caller caller = RoutingIT.Caller.create();
        String rule = rule(caller.id(), "virtual_key", 0, "headers[\"X-Region\"] == \"eu\"",
                target(target, "gpt-4o", 1.0), false, strings(target + "/gpt-4o-mini"));

        Reply reply = admin("POST", "/api/routing/simulate", object().add("model", "alias")
                .add("virtual_key", caller.value())
                .add("headers", object().add("X-Region", "eu").add("x-secret-header", "do-not-echo"))
                .add("body", object().add("messages", array(object().add("role", "user").add("content", "hi"))))
                .build());

        assertEquals(200, reply.status(), reply.toString());
        JsonObject decision = reply.json().getJsonObject("decision");
        assertEquals(target, decision.getString("provider"));
        assertEquals("gpt-4o", decision.getString("model"));
        assertEquals(rule, decision.getString("rule"));
        assertEquals(JsonValue.NULL, decision.get("key_id"));
        assertEquals(strings(target + "/gpt-4o-mini"), decision.getJsonArray("fallbacks"));
        JsonArray trace = reply.json().getJsonArray("trace");
        assertFalse(trace.isEmpty());
        JsonObject step = trace.getJsonObject(0);
        assertEquals("virtual_key", step.getJsonArray("scopes").getJsonObject(0).getString("scope"));
        JsonObject tried = step.getJsonArray("rules").getJsonObject(0);
        assertEquals(rule, tried.getString("rule"));
        assertEquals("match", tried.getString("result"));
        assertEquals(strings("x-region"), tried.getJsonObject("headers").getJsonArray("present"));
        assertFalse(reply.body().contains("do-not-echo"), "header values never appear in a trace");
        assertFalse(reply.body().contains("\"eu\""), "header values never appear in a trace");
        assertTrue(MOCK.requestsWithKey(key).isEmpty(), "the simulator never calls a provider");
    }

    @Test
    void simulate_noRuleMatches_keepsTheRequestedModelAndHasNoRule() {
        String target = provider("openai", scriptedKey(""));

        Reply reply = admin("POST", "/api/routing/simulate", object().add("model", target + "/gpt-4o").build());

        assertEquals(200, reply.status(), reply.toString());
        JsonObject decision = reply.json().getJsonObject("decision");
        assertEquals(target, decision.getString("provider"));
        assertEquals("gpt-4o", decision.getString("model"));
        assertEquals(JsonValue.NULL, decision.get("rule"));
    }

    @Test
    void simulate_modelResolvesNowhere_reportsTheErrorTheProxyWouldGive() {
        Reply reply = admin("POST", "/api/routing/simulate", object().add("model", "no-such-model-anywhere").build());

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("model_not_found", reply.json().getJsonObject("error").getString("type"));
        assertEquals(JsonValue.NULL, reply.json().getJsonObject("decision").get("provider"));
    }

    @Test
    void simulate_badInput_400WithTheField() {
        assertField(admin("POST", "/api/routing/simulate", object().build()), "model");
        assertField(admin("POST", "/api/routing/simulate", object().add("model", "gpt-4o")
                .add("virtual_key", "sk-iris-unknown-unknown-unknown-unknown-00").build()), "virtual_key");
        assertField(admin("POST", "/api/routing/simulate", object().add("model", "gpt-4o")
                .add("headers", object().add("x", 1)).build()), "headers.x");
        assertField(admin("POST", "/api/routing/simulate", object().add("model", "gpt-4o")
                .add("request_type", "telepathy").build()), "request_type");
        assertEquals(400, admin("POST", "/api/routing/simulate", "[1]").status());
    }

    @Test
    void simulate_withoutAdminToken_401() {
        Reply reply = it.support.Gateway.send("POST", "/api/routing/simulate", "{\"model\":\"x\"}",
                "application/json", null);
        assertEquals(401, reply.status());
    }

    private static void assertField(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.hasFieldError(field), reply.toString());
    }
}
