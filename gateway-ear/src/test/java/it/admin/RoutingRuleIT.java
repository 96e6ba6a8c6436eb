package it.admin;

import static it.admin.Admin.assertProblem;
import static it.admin.Admin.assertProblemAt;
import static it.admin.Admin.assertProblemShape;
import static it.admin.Admin.customer;
import static it.admin.Admin.listed;
import static it.admin.Admin.provider;
import static it.admin.Admin.randomId;
import static it.admin.Admin.secret;
import static it.admin.Admin.team;
import static it.support.Bodies.array;
import static it.support.Bodies.object;
import static it.support.Bodies.strings;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

/** Rules written here are disabled or never match (a header no request sends), so they route nothing. */
class RoutingRuleIT {

    private static final String NEVER = "headers[\"x-iris-it-never\"] == \"" + randomId() + "\"";

    private static JsonObjectBuilder target(String provider, String model, double weight) {
        JsonObjectBuilder target = object().add("weight", weight);
        if (provider != null) {
            target.add("provider", provider);
        }
        if (model != null) {
            target.add("model", model);
        }
        return target;
    }

    private static JsonObjectBuilder rule(JsonObjectBuilder... targets) {
        return object().add("name", unique("rule")).add("enabled", false).add("targets", array(targets));
    }

    private static JsonObjectBuilder simpleRule() {
        return rule(target(null, "gpt-4o", 1));
    }

    private static Reply rejected(JsonObject body, int status, String fieldPrefix) {
        Reply reply = admin("POST", "/api/routing/rules", body);
        assertProblemAt(reply, status, fieldPrefix);
        assertFalse(listed("/api/routing/rules", "name", body.getString("name")), "stored anyway: " + body);
        return reply;
    }

    @Test
    void create_minimalRule_returns201WithDefaults() {
        Reply created = admin("POST", "/api/routing/rules", object().add("name", unique("min"))
                .add("cel_expression", NEVER).add("targets", array(target(null, "gpt-4o", 1))).build());

        assertEquals(201, created.status(), created.toString());
        JsonObject rule = created.json();
        assertTrue(created.location().endsWith("/api/routing/rules/" + rule.getString("id")), created.location());
        assertTrue(rule.getBoolean("enabled"));
        assertEquals("global", rule.getString("scope"));
        assertTrue(rule.isNull("scope_id"));
        assertEquals(0, rule.getInt("priority"));
        assertEquals("", rule.getString("description"));
        assertEquals(NEVER, rule.getString("cel_expression"));
        assertEquals(0, rule.getJsonArray("fallbacks").size());
        assertFalse(rule.getBoolean("chain_rule"));
        JsonObject target = rule.getJsonArray("targets").getJsonObject(0);
        assertTrue(target.isNull("provider") && target.isNull("key_id"), target.toString());
        assertEquals("gpt-4o", target.getString("model"));
        assertEquals(1.0, target.getJsonNumber("weight").doubleValue());
        assertEquals(204, admin("DELETE", "/api/routing/rules/" + rule.getString("id")).status());
    }

    @Test
    void create_virtualKeyScopedRuleWithEverything_storedAsSent() {
        String p = unique("rp");
        String keyId = provider(p, secret()).getJsonArray("keys").getJsonObject(0).getString("id");
        String vk = Admin.created("/api/virtual-keys", object().add("name", unique("vk")).build()).getString("id");

        Reply created = admin("POST", "/api/routing/rules", rule(target(p, "gpt-4o", 0.7).add("key_id", keyId),
                target(p, null, 0.3)).add("description", "all fields").add("scope", "virtual_key")
                .add("scope_id", vk).add("priority", 100).add("cel_expression", "budget_used > 80")
                .add("fallbacks", strings(p + "/gpt-4o-mini", p + "/")).add("chain_rule", true).build());

        assertEquals(201, created.status(), created.toString());
        JsonObject rule = admin("GET", "/api/routing/rules/" + created.json().getString("id")).json();
        assertEquals("virtual_key", rule.getString("scope"));
        assertEquals(vk, rule.getString("scope_id"));
        assertEquals(100, rule.getInt("priority"));
        assertEquals("all fields", rule.getString("description"));
        assertFalse(rule.getBoolean("enabled"));
        assertTrue(rule.getBoolean("chain_rule"));
        assertEquals(strings(p + "/gpt-4o-mini", p + "/"), rule.getJsonArray("fallbacks"));
        JsonObject first = rule.getJsonArray("targets").getJsonObject(0);
        assertEquals(keyId, first.getString("key_id"));
        assertEquals(0.7, first.getJsonNumber("weight").doubleValue(), 1e-9);
        JsonObject second = rule.getJsonArray("targets").getJsonObject(1);
        assertEquals(p, second.getString("provider"));
        assertTrue(second.isNull("model"));
    }

    @Test
    void create_validExpressions_areAccepted() {
        String[] expressions = {"", "budget_used > 80", "headers[\"X-Region\"] == \"eu\"",
            "request_type == \"chat_stream\" && stream && max_tokens > 1000",
            "params[\"tier\"] == \"gold\" || vk_budget_used >= 90.5 || estimated_prompt_tokens > 100000",
            "model.startsWith(\"gpt-\") && provider != \"\" && team_name == \"\" && rate_limit_used < 50.0"};
        for (String expression : expressions) {
            Reply created = admin("POST", "/api/routing/rules", simpleRule().add("cel_expression", expression)
                    .build());
            assertEquals(201, created.status(), expression + " -> " + created);
            assertEquals(expression, created.json().getString("cel_expression"));
            admin("DELETE", "/api/routing/rules/" + created.json().getString("id"));
        }
    }

    @Test
    void create_invalidExpressions_return400WithCompilerMessageAndPosition() {
        String[][] cases = {
            {"model == ", "<input>:1:"},
            {"nosuch_variable == \"x\"", "<input>:1:1"},
            {"model", "<input>:1:"},
            {"budget_used + 1.0", "<input>:1:"},
            {"headers[\"a\"] == 1 &&", "<input>:1:"},
        };
        for (String[] c : cases) {
            Reply reply = rejected(simpleRule().add("cel_expression", c[0]).build(), 400, "cel_expression");
            assertTrue(reply.hasFieldError("cel_expression"), reply.toString());
            String detail = reply.json().getString("detail");
            assertTrue(detail.contains(c[1]), c[0] + " -> " + detail);
        }
        String unknown = rejected(simpleRule().add("cel_expression", "nosuch_variable == \"x\"").build(), 400,
                "cel_expression").json().getString("detail");
        assertTrue(unknown.contains("nosuch_variable"), unknown);
    }

    @Test
    void create_invalidTargets_return400NamingTheTarget() {
        String p = unique("rp");
        provider(p, secret());
        String otherKey = provider(unique("rq"), secret()).getJsonArray("keys").getJsonObject(0).getString("id");

        rejected(rule().build(), 400, "targets");
        rejected(object().add("name", unique("none")).add("enabled", false).build(), 400, "targets");
        rejected(rule(target(p, "a", 0.5), target(p, "b", 0.4)).build(), 400, "targets");
        rejected(rule(target(p, "a", 0.5), target(p, "b", 0.498)).build(), 400, "targets");
        rejected(rule(target(p, "a", 1), target(p, "b", 0)).build(), 400, "targets[1].weight");
        rejected(rule(target(p, "a", 1.5), target(p, "b", -0.5)).build(), 400, "targets[1].weight");
        rejected(rule(target(p, "a", 0.5), target(p, "a", 0.5)).build(), 400, "targets");
        rejected(rule(target(unique("ghost"), "a", 1)).build(), 400, "targets[0].provider");
        rejected(rule(target(null, "a", 1).add("key_id", otherKey)).build(), 400, "targets[0].key_id");
        rejected(rule(target(p, "a", 1).add("key_id", otherKey)).build(), 400, "targets[0].key_id");
        rejected(rule(target(p, "a", 1).add("key_id", randomId())).build(), 400, "targets[0].key_id");
    }

    @Test
    void create_weightsWithinTolerance_areAccepted() {
        String p = unique("rp");
        provider(p, secret());

        Reply created = admin("POST", "/api/routing/rules", rule(target(p, "a", 0.333), target(p, "b", 0.333),
                target(p, "c", 0.333)).build());

        assertEquals(201, created.status(), created.toString());
        assertEquals(3, created.json().getJsonArray("targets").size());
    }

    @Test
    void create_invalidFallbacks_return400() {
        String p = unique("rp");
        provider(p, secret());

        rejected(simpleRule().add("fallbacks", strings(unique("ghost") + "/gpt-4o")).build(), 400, "fallbacks");
        rejected(simpleRule().add("fallbacks", strings(p + "/gpt-4o", "gpt-4o")).build(), 400, "fallbacks");
    }

    @Test
    void create_invalidScopes_return400() {
        String customerId = customer();
        String teamId = team(customerId);

        rejected(simpleRule().add("scope_id", customerId).build(), 400, "scope_id");
        rejected(simpleRule().add("scope", "team").build(), 400, "scope_id");
        rejected(simpleRule().add("scope", "team").add("scope_id", randomId()).build(), 400, "scope_id");
        rejected(simpleRule().add("scope", "customer").add("scope_id", teamId).build(), 400, "scope_id");
        rejected(simpleRule().add("scope", "virtual_key").add("scope_id", "not-a-uuid").build(), 400, "scope_id");
        rejected(simpleRule().add("scope", "planet").build(), 400, "scope");
        Reply customerRule = admin("POST", "/api/routing/rules", simpleRule().add("scope", "customer")
                .add("scope_id", customerId).build());
        assertEquals(201, customerRule.status(), customerRule.toString());
    }

    @Test
    void create_wrongTypedPriorityAndUnknownScope_reportsTypeErrorOnly() {
        Reply reply = rejected(simpleRule().add("priority", "high").add("scope", "team")
                .add("scope_id", randomId()).build(), 400, "priority");

        assertProblem(reply, 400, "priority");
        assertFalse(reply.hasFieldError("scope_id"), reply.toString());
    }

    @Test
    void crud_rule_readUpdateListDelete() {
        JsonObject rule = Admin.created("/api/routing/rules", simpleRule().add("priority", 7)
                .add("description", "before").add("chain_rule", true).build());
        String path = "/api/routing/rules/" + rule.getString("id");
        assertEquals(7, admin("GET", path).json().getInt("priority"));
        assertTrue(listed("/api/routing/rules", "id", rule.getString("id")));

        Reply updated = admin("PUT", path, object().add("name", rule.getString("name")).add("cel_expression", NEVER)
                .add("targets", array(target(null, "o3", 1))).build());

        assertEquals(200, updated.status(), updated.toString());
        JsonObject read = admin("GET", path).json();
        assertEquals(0, read.getInt("priority"), read.toString());
        assertEquals("", read.getString("description"), read.toString());
        assertTrue(read.getBoolean("enabled"), read.toString());
        assertFalse(read.getBoolean("chain_rule"), read.toString());
        assertEquals("o3", read.getJsonArray("targets").getJsonObject(0).getString("model"));
        assertEquals(204, admin("DELETE", path).status());
        assertProblemShape(admin("GET", path), 404);
        assertProblemShape(admin("DELETE", path), 404);
        assertProblemShape(admin("GET", "/api/routing/rules/not-a-uuid"), 404);
        assertProblemShape(admin("PUT", "/api/routing/rules/" + randomId(), simpleRule().build()), 404);
    }

    @Test
    void update_invalidExpression_returns400AndKeepsRule() {
        JsonObject rule = Admin.created("/api/routing/rules", simpleRule().add("cel_expression", "stream")
                .build());
        String path = "/api/routing/rules/" + rule.getString("id");

        Reply reply = admin("PUT", path, object().add("name", rule.getString("name")).add("enabled", false)
                .add("cel_expression", "stream &&").add("priority", 9).add("targets", array(target(null, "o3", 1)))
                .build());

        assertProblem(reply, 400, "cel_expression");
        JsonObject read = admin("GET", path).json();
        assertEquals("stream", read.getString("cel_expression"));
        assertEquals(0, read.getInt("priority"));
        assertEquals("gpt-4o", read.getJsonArray("targets").getJsonObject(0).getString("model"));
    }

    @Test
    void create_duplicateName_returns409FieldName() {
        JsonObject body = simpleRule().build();
        Admin.created("/api/routing/rules", body);

        assertProblem(admin("POST", "/api/routing/rules", body), 409, "name");
    }
}
