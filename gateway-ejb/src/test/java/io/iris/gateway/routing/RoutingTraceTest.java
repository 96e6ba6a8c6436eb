package io.iris.gateway.routing;

import static io.iris.gateway.routing.RoutingFixtures.CUSTOMER;
import static io.iris.gateway.routing.RoutingFixtures.TEAM;
import static io.iris.gateway.routing.RoutingFixtures.VK;
import static io.iris.gateway.routing.RoutingFixtures.request;
import static io.iris.gateway.routing.RoutingFixtures.rule;
import static io.iris.gateway.routing.RoutingFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutingTraceTest {

    private static final UUID KEY = UUID.fromString("00000000-0000-0000-0000-0000000000ff");

    private final RoutingEngine engine = new RoutingEngine(RandomSource.seeded(5));

    @Test
    void toJson_decisionWithChain_hasWireShape() {
        RoutingTable table = table(
                rule("vk-eu").scope(RuleScope.VIRTUAL_KEY, VK).when("headers[\"x-region\"] == \"eu\""),
                rule("alias").priority(3).when("model == \"smart\" && budget_used < 50.0")
                        .to("azure", "gpt-4o", KEY, 1.0).fallbacks("openai/gpt-4o").chain());

        JsonArray json = engine.decide(request().model("smart").header("x-region", "us").build(), table,
                (variable, provider, model, caller) -> 12.5, 10).trace().toJson();

        assertEquals(2, json.size());
        JsonObject step = json.getJsonObject(0);
        assertEquals(0, step.getInt("step"));
        assertEquals("", step.getString("provider"));
        assertEquals("smart", step.getString("model"));
        JsonArray scopes = step.getJsonArray("scopes");
        assertEquals("virtual_key", scopes.getJsonObject(0).getString("scope"));
        assertEquals(VK.toString(), scopes.getJsonObject(0).getString("scope_id"));
        assertEquals(TEAM.toString(), scopes.getJsonObject(1).getString("scope_id"));
        assertEquals(CUSTOMER.toString(), scopes.getJsonObject(2).getString("scope_id"));
        assertEquals("global", scopes.getJsonObject(3).getString("scope"));
        assertEquals(JsonValue.NULL, scopes.getJsonObject(3).get("scope_id"));

        JsonObject vkRule = step.getJsonArray("rules").getJsonObject(0);
        assertEquals("vk-eu", vkRule.getString("rule"));
        assertEquals("virtual_key", vkRule.getString("scope"));
        assertEquals("no_match", vkRule.getString("result"));
        assertEquals("header 'x-region' is not 'eu'", vkRule.getString("reason"));
        assertEquals("x-region", vkRule.getJsonObject("headers").getJsonArray("present").getString(0));
        assertEquals(0, vkRule.getJsonObject("headers").getJsonArray("missing").size());

        JsonObject alias = step.getJsonArray("rules").getJsonObject(1);
        assertEquals("match", alias.getString("result"));
        assertEquals(3, alias.getInt("priority"));
        assertFalse(alias.containsKey("reason"));
        assertFalse(alias.containsKey("headers"));
        assertTrue(alias.getString("rule_id").matches("[0-9a-f-]{36}"));

        assertEquals(12.5, step.getJsonObject("capacity").getJsonNumber("budget_used").doubleValue());
        assertEquals(1, step.getJsonObject("capacity").size());
        assertEquals("alias", step.getString("decided_by"));
        JsonObject target = step.getJsonObject("target");
        assertEquals("azure", target.getString("provider"));
        assertEquals("gpt-4o", target.getString("model"));
        assertEquals(KEY.toString(), target.getString("key_id"));
        assertEquals(1.0, target.getJsonNumber("weight").doubleValue());
        assertEquals(0, target.getInt("index"));
        assertEquals("chained", step.getString("outcome"));

        JsonObject last = json.getJsonObject(1);
        assertEquals("azure", last.getString("provider"));
        assertEquals(JsonValue.NULL, last.get("decided_by"));
        assertEquals(JsonValue.NULL, last.get("target"));
        assertEquals("no_match", last.getString("outcome"));
        assertEquals("skipped", last.getJsonArray("rules").getJsonObject(1).getString("result"));
        assertEquals("already decided", last.getJsonArray("rules").getJsonObject(1).getString("reason"));
    }

    @Test
    void toJson_rulesReadingHeaders_neverContainsHeaderValue() {
        String secret = "s3cr3t-Value-42";
        RoutingTable table = table(
                rule("bad-int").when("int(headers[\"x-tenant\"]) > 3"),
                rule("regex").when("headers[\"x-region\"].matches(headers[\"x-tenant\"])"),
                rule("eq").when("headers[\"x-tenant\"] == \"acme\" && model == \"gpt-4o\""),
                rule("size").when("size(headers[\"x-tenant\"]) > 100"),
                rule("param").when("int(params[\"p\"]) > 3"));

        RoutingDecision decision = engine.decide(request().header("x-tenant", secret).header("x-region", "(" + secret)
                .param("p", secret).build(), table, CapacityView.NONE, 10);

        String json = decision.trace().toJson().toString();
        assertFalse(json.contains(secret), json);
        assertTrue(json.contains("x-tenant"), json);
    }

    @Test
    void toJson_infiniteCapacity_writtenAsNull() {
        RoutingTable table = table(rule("full").when("budget_used > 100.0"));

        JsonArray json = engine.decide(request().build(), table,
                (variable, provider, model, caller) -> Double.POSITIVE_INFINITY, 10).trace().toJson();

        assertEquals(JsonValue.NULL, json.getJsonObject(0).getJsonObject("capacity").get("budget_used"));
    }
}
