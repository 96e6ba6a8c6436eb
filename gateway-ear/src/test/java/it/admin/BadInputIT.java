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
import static it.support.Bodies.budget;
import static it.support.Bodies.object;
import static it.support.Bodies.strings;
import static it.support.Gateway.admin;
import static it.support.Gateway.adminToken;
import static it.support.Gateway.send;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import it.support.Gateway.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cross-cutting rejections: every one is a 4xx problem naming the field, and changes nothing. */
class BadInputIT {
    private static final String[] COLLECTIONS = {"/api/customers", "/api/teams", "/api/virtual-keys",
        "/api/providers", "/api/model-configs", "/api/routing/rules"};

    /** A POST that must be refused and leave no resource called {@code name} behind. */
    private static Reply refusedCreate(String collection, Object body, int status, String field, String name) {
        Reply reply = admin("POST", collection, body);
        assertProblemAt(reply, status, field);
        assertFalse(listed(collection, "name", name), collection + " stored " + body);
        return reply;
    }

    /** A PUT that must be refused and leave the resource exactly as it was. */
    private static void refusedUpdate(String path, Object body, int status, String field) {
        JsonObject before = admin("GET", path).json();
        assertProblemAt(admin("PUT", path, body), status, field);
        assertEquals(before, admin("GET", path).json(), "changed by " + body);
    }

    private static String named(String collection, String name) {
        return switch (collection) {
            case "/api/providers" -> it.support.Bodies.provider(name, secret()).toString();
            case "/api/model-configs" -> object().add("name", name).add("model", unique("bad-model")).build().toString();
            case "/api/routing/rules" -> object().add("name", name).add("enabled", false).add("targets",
                    array(object().add("model", "gpt-4o").add("weight", 1))).build().toString();
            default -> object().add("name", name).build().toString();
        };
    }

    @Test
    void create_malformedOrNonObjectOrEmptyBody_returns400FieldBody() {
        for (String collection : COLLECTIONS) {
            String name = unique("broken");
            String valid = named(collection, name);
            String[] bodies = {valid.substring(0, valid.length() - 1), valid + " {}", valid + "x",
                "[" + valid + "]", "\"" + name + "\"", "42", "null", "", "   ", "{\"name\": '" + name + "'}"};
            for (String body : bodies) {
                Reply reply = admin("POST", collection, body);
                assertProblem(reply, 400, "body");
            }
            assertFalse(listed(collection, "name", name), collection);
        }
    }

    @Test
    void create_deeplyNestedJson_returns400NotAServerError() {
        String name = unique("deep");
        String nested = "[".repeat(5000) + "]".repeat(5000);
        for (String body : new String[] {"{\"name\": \"" + name + "\", \"extra\": " + nested + "}",
            "{\"name\": " + nested + "}", nested}) {
            Reply reply = admin("POST", "/api/customers", body);
            assertProblemShape(reply, 400);
        }
        assertFalse(listed("/api/customers", "name", name));
    }

    @Test
    void write_wrongContentType_returns415Problem() {
        for (String collection : COLLECTIONS) {
            String name = unique("texty");
            for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
                Reply reply = send("POST", collection, named(collection, name), type, "Bearer " + adminToken());
                assertProblemShape(reply, 415);
            }
            assertFalse(listed(collection, "name", name), collection);
        }
        String path = "/api/customers/" + customer();
        JsonObject before = admin("GET", path).json();
        assertProblemShape(send("PUT", path, object().add("name", unique("t")).build(), "text/plain",
                "Bearer " + adminToken()), 415);
        assertProblemShape(send("PUT", "/api/config", "{}", "text/plain", "Bearer " + adminToken()), 415);
        assertEquals(before, admin("GET", path).json());
    }

    @Test
    void update_wrongFieldTypes_returns400NamingTheFieldAndChangesNothing() {
        String customer = "/api/customers/" + customer();
        String name = unique("typed");
        refusedUpdate(customer, "{\"name\": 5}", 400, "name");
        refusedUpdate(customer, object().add("name", name).add("budgets", "x").build(), 400, "budgets");
        refusedUpdate(customer, object().add("name", name).add("budgets", array(object().add("max_limit", "10")
                .add("reset_duration", "1d"))).build(), 400, "budgets[0].max_limit");
        refusedUpdate(customer, object().add("name", name).add("rate_limit", 5).build(), 400, "rate_limit");
        refusedUpdate(customer, object().add("name", name).add("rate_limit", object().add("request_max_limit", "9")
                .add("request_reset_duration", "1m")).build(), 400, "rate_limit.request_max_limit");

        String p = unique("typ");
        provider(p, secret());
        String vk = "/api/virtual-keys/" + Admin.created("/api/virtual-keys", object().add("name", unique("vk"))
                .build()).getString("id");
        refusedUpdate(vk, object().add("name", name).add("is_active", "true").build(), 400, "is_active");
        refusedUpdate(vk, object().add("name", name).add("provider_configs", array(object().add("provider", p)
                .add("weight", "1"))).build(), 400, "provider_configs[0].weight");
        refusedUpdate(vk, object().add("name", name).add("team_id", 12).build(), 400, "team_id");

        String rule = "/api/routing/rules/" + Admin.created("/api/routing/rules", object().add("name", unique("r"))
                .add("enabled", false).add("targets", array(object().add("model", "m").add("weight", 1))).build())
                .getString("id");
        refusedUpdate(rule, object().add("name", name).add("targets", array(object().add("model", "m")
                .add("weight", "1"))).build(), 400, "targets[0].weight");
        refusedUpdate(rule, object().add("name", name).add("enabled", "no").add("targets", array(object()
                .add("model", "m").add("weight", 1))).build(), 400, "enabled");

        refusedUpdate("/api/providers/" + p, object().add("name", p).add("type", "openai")
                .add("base_url", "https://x.test/v1").add("network", object().add("max_retries", "2")).build(),
                400, "network.max_retries");
        refusedUpdate("/api/providers/" + p, object().add("name", p).add("type", "openai")
                .add("base_url", "https://x.test/v1").add("models", "gpt-4o").build(), 400, "models");
    }

    @Test
    void create_typeErrorAndUnknownReference_reportsTheTypeErrorOnly() {
        Reply reply = admin("POST", "/api/teams", "{\"name\": 5, \"customer_id\": \"" + randomId() + "\"}");

        assertProblem(reply, 400, "name");
        assertFalse(reply.hasFieldError("customer_id"), reply.toString());
    }

    @Test
    void create_missingRequiredFields_returns400NamingThem() {
        String name = unique("missing");
        refusedCreate("/api/customers", "{}", 400, "name", name);
        refusedCreate("/api/teams", object().add("customer_id", customer()).build(), 400, "name", name);
        refusedCreate("/api/virtual-keys", "{}", 400, "name", name);
        refusedCreate("/api/providers", object().add("name", name).add("base_url", "https://x.test/v1").build(),
                400, "type", name);
        refusedCreate("/api/providers", object().add("name", name).add("type", "openai").build(), 400,
                "base_url", name);
        refusedCreate("/api/model-configs", object().add("name", name).build(), 400, "model", name);
        refusedCreate("/api/routing/rules", object().add("name", name).build(), 400, "targets", name);
        assertProblem(admin("POST", "/api/pricing", object().add("model", name).add("input_per_million", 1)
                .add("output_per_million", 1).build()), 400, "provider");
    }

    @Test
    void create_nameTooLongOrEmpty_returns400FieldName() {
        for (String collection : COLLECTIONS) {
            String base = unique("long");
            String tooLong = base + "x".repeat(256 - base.length());
            String longest = base + "y".repeat(255 - base.length());
            refusedCreate(collection, named(collection, tooLong), 400, "name", tooLong);
            assertProblem(admin("POST", collection, named(collection, "")), 400, "name");
            assertProblem(admin("POST", collection, named(collection, "   ")), 400, "name");
            Reply accepted = admin("POST", collection, named(collection, longest));
            assertEquals(201, accepted.status(), collection + " " + accepted);
        }
    }

    @Test
    void create_negativeOrInfiniteAmountsAndWeights_returns400NamingThem() {
        String p = unique("amt");
        provider(p, secret());
        String name = unique("amounts");
        String budgets = "\"budgets\": [{\"max_limit\": %s, \"reset_duration\": \"1d\"}]";
        for (String amount : new String[] {"-1", "-0.01", "1e400", "-1e400"}) {
            refusedCreate("/api/customers", "{\"name\": \"" + name + "\", " + budgets.formatted(amount) + "}", 400,
                    "budgets[0].max_limit", name);
            refusedCreate("/api/virtual-keys", "{\"name\": \"" + name + "\", \"provider_configs\": [{\"provider\": \""
                    + p + "\", \"weight\": " + amount + "}]}", 400, "provider_configs[0].weight", name);
            refusedCreate("/api/routing/rules", "{\"name\": \"" + name + "\", \"targets\": [{\"model\": \"m\", "
                    + "\"weight\": " + amount + "}]}", 400, "targets[0].weight", name);
            refusedCreate("/api/providers", "{\"name\": \"" + name + "\", \"type\": \"openai\", \"base_url\": "
                    + "\"https://x.test/v1\", \"keys\": [{\"name\": \"k\", \"value\": \"" + secret()
                    + "\", \"weight\": " + amount + "}]}", 400, "keys[0].weight", name);
            assertProblem(admin("POST", "/api/pricing", "{\"provider\": \"" + name + "\", \"model\": \"m\", "
                    + "\"input_per_million\": " + amount + ", \"output_per_million\": 1}"), 400, "input_per_million");
        }
        refusedCreate("/api/customers", "{\"name\": \"" + name + "\", \"rate_limit\": {\"request_max_limit\": 1e400,"
                + " \"request_reset_duration\": \"1m\"}}", 400, "rate_limit.request_max_limit", name);
        assertEquals(0, admin("GET", "/api/pricing").json().getJsonArray("data").stream()
                .filter(x -> x.asJsonObject().getString("provider").equals(name)).count());
    }

    @Test
    void create_unknownReferences_returns400NamingThem() {
        String p = unique("ref");
        provider(p, secret());
        String name = unique("dangling");
        Map<String, JsonObject> cases = Map.of(
            "customer_id", object().add("name", name).add("customer_id", randomId()).build(),
            "team_id", object().add("name", name).add("team_id", randomId()).build(),
            "provider_configs[0].provider", object().add("name", name).add("provider_configs",
                    array(object().add("provider", unique("ghost")))).build(),
            "provider_configs[0].key_ids", object().add("name", name).add("provider_configs",
                    array(object().add("provider", p).add("key_ids", strings(randomId())))).build());
        refusedCreate("/api/teams", cases.get("customer_id"), 400, "customer_id", name);
        cases.forEach((field, body) -> refusedCreate("/api/virtual-keys", body, 400, field, name));
        refusedCreate("/api/model-configs", object().add("name", name).add("model", "m")
                .add("provider", unique("ghost")).build(), 400, "provider", name);
        refusedCreate("/api/routing/rules", object().add("name", name).add("targets", array(object()
                .add("provider", unique("ghost")).add("weight", 1))).build(), 400, "targets[0].provider", name);
        refusedCreate("/api/routing/rules", object().add("name", name).add("scope", "team")
                .add("scope_id", randomId()).add("targets", array(object().add("model", "m").add("weight", 1)))
                .build(), 400, "scope_id", name);
        refusedCreate("/api/routing/rules", object().add("name", name).add("fallbacks",
                strings(unique("ghost") + "/m")).add("targets", array(object().add("model", "m").add("weight", 1)))
                .build(), 400, "fallbacks", name);
        refusedCreate("/api/virtual-keys", object().add("name", name).add("team_id", team(null))
                .add("customer_id", customer()).build(), 400, "customer_id", name);
    }

    @Test
    void create_duplicateNames_returns409FieldNameAndKeepsOne() {
        for (String collection : COLLECTIONS) {
            String name = unique("dup");
            assertEquals(201, admin("POST", collection, named(collection, name)).status(), collection);
            assertProblem(admin("POST", collection, named(collection, name)), 409, "name");
            assertEquals(1, admin("GET", collection).json().getJsonArray("data").stream()
                    .filter(x -> x.asJsonObject().getString("name").equals(name)).count(), collection);
        }
    }

    @Test
    void create_invalidDurationsAndLimits_returns400NamingThem() {
        String name = unique("durations");
        for (String duration : new String[] {"2x", "", "1h30m", "-1d", "1 d", "1D", "d", "60"}) {
            refusedCreate("/api/customers", object().add("name", name).add("budgets", Json.createArrayBuilder()
                    .add(budget(10, duration))).build(), 400, "budgets[0].reset_duration", name);
            refusedCreate("/api/teams", object().add("name", name).add("rate_limit", object()
                    .add("request_max_limit", 5).add("request_reset_duration", duration)).build(), 400,
                    "rate_limit.request_reset_duration", name);
        }
        refusedCreate("/api/customers", object().add("name", name).add("budgets", array(object()
                .add("max_limit", 10).add("reset_duration", "1h").add("calendar_aligned", true))).build(), 400,
                "budgets[0]", name);
        refusedCreate("/api/customers", object().add("name", name).add("rate_limit", object()).build(), 400,
                "rate_limit", name);
        refusedCreate("/api/customers", object().add("name", name).add("rate_limit", object()
                .add("request_max_limit", 0).add("request_reset_duration", "1m")).build(), 400,
                "rate_limit.request_max_limit", name);
        refusedCreate("/api/customers", object().add("name", name).add("rate_limit", object()
                .add("token_max_limit", 100)).build(), 400, "rate_limit.token_reset_duration", name);
        refusedCreate("/api/customers", object().add("name", name).add("budgets", array(object()
                .add("max_limit", 10))).build(), 400, "budgets[0].reset_duration", name);
    }

    @Test
    void create_invalidCelExpression_returns400FieldCelExpression() {
        String name = unique("cel");
        for (String expression : new String[] {"model ==", "unknown_var > 1", "max_tokens + 1", "'a' == 1"}) {
            refusedCreate("/api/routing/rules", object().add("name", name).add("cel_expression", expression)
                    .add("targets", array(object().add("model", "m").add("weight", 1))).build(), 400,
                    "cel_expression", name);
        }
    }
}
