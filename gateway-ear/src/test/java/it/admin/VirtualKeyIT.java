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
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

class VirtualKeyIT {

    private static JsonObjectBuilder vk() {
        return object().add("name", unique("vk"));
    }

    private static void assertRejectedAndAbsent(JsonObject body, String field) {
        assertProblem(admin("POST", "/api/virtual-keys", body), 400, field);
        assertFalse(listed("/api/virtual-keys", "name", body.getString("name")), "stored anyway: " + body);
    }

    @Test
    void create_teamKey_returnsValueOnceThenOnlyTheHint() {
        String teamId = team(null);
        Reply created = admin("POST", "/api/virtual-keys", vk().add("team_id", teamId).build());

        assertEquals(201, created.status(), created.toString());
        JsonObject key = created.json();
        String id = key.getString("id");
        String value = key.getString("value");
        assertTrue(value.matches("sk-iris-[A-Za-z0-9_-]{40}"), value);
        assertEquals("sk-iris-..." + value.substring(value.length() - 4), key.getString("key_hint"));
        assertTrue(created.location().endsWith("/api/virtual-keys/" + id), created.location());
        assertEquals(teamId, key.getString("team_id"));
        assertTrue(key.isNull("customer_id"));
        assertTrue(key.getBoolean("is_active"));
        assertTrue(key.isNull("expires_at"));
        assertTrue(key.getBoolean("allow_all_providers"));
        assertEquals(0, key.getJsonArray("provider_configs").size());

        Reply read = admin("GET", "/api/virtual-keys/" + id);
        assertEquals(200, read.status());
        assertFalse(read.json().containsKey("value"), read.body());
        assertFalse(read.body().contains(value));
        assertEquals(key.getString("key_hint"), read.json().getString("key_hint"));
        Reply list = admin("GET", "/api/virtual-keys");
        assertFalse(list.body().contains(value));
        assertTrue(list.json().getJsonArray("data").stream().map(v -> v.asJsonObject())
                .filter(v -> v.getString("id").equals(id)).allMatch(v -> !v.containsKey("value")));
        String chosen = "sk-iris-" + "0123456789".repeat(4);
        Reply updated = admin("PUT", "/api/virtual-keys/" + id, object().add("name", key.getString("name"))
                .add("team_id", teamId).add("value", chosen).add("key_hint", "sk-iris-...6789").build());
        assertEquals(200, updated.status(), updated.toString());
        assertFalse(updated.json().containsKey("value"), updated.body());
        assertFalse(updated.body().contains(value));
        assertEquals(key.getString("key_hint"), updated.json().getString("key_hint"));
        assertEquals(key.getString("key_hint"), admin("GET", "/api/virtual-keys/" + id).json().getString("key_hint"));
    }

    @Test
    void create_customerKeyWithExpiryAndLimits_storesThem() {
        String customerId = customer();
        Reply created = admin("POST", "/api/virtual-keys", vk().add("customer_id", customerId)
                .add("is_active", false).add("expires_at", "2030-01-01T00:00:00Z")
                .add("budgets", Json.createArrayBuilder().add(budget(25, "1M")))
                .add("rate_limit", object().add("request_max_limit", 10).add("request_reset_duration", "1m"))
                .build());

        assertEquals(201, created.status(), created.toString());
        JsonObject read = admin("GET", "/api/virtual-keys/" + created.json().getString("id")).json();
        assertEquals(customerId, read.getString("customer_id"));
        assertTrue(read.isNull("team_id"));
        assertFalse(read.getBoolean("is_active"));
        assertEquals("2030-01-01T00:00:00Z", read.getString("expires_at"));
        assertEquals(25, read.getJsonArray("budgets").getJsonObject(0).getJsonNumber("max_limit").intValue());
        assertEquals(10, read.getJsonObject("rate_limit").getInt("request_max_limit"));
    }

    @Test
    void create_providerConfigWithDefaults_disallowsOtherProviders() {
        String providerName = unique("vkp");
        provider(providerName, secret());

        Reply created = admin("POST", "/api/virtual-keys", vk()
                .add("provider_configs", array(object().add("provider", providerName))).build());

        assertEquals(201, created.status(), created.toString());
        JsonObject key = created.json();
        assertFalse(key.getBoolean("allow_all_providers"));
        JsonObject config = key.getJsonArray("provider_configs").getJsonObject(0);
        assertEquals(providerName, config.getString("provider"));
        assertEquals(1.0, config.getJsonNumber("weight").doubleValue());
        assertEquals(strings("*"), config.getJsonArray("allowed_models"));
        assertEquals(0, config.getJsonArray("blocked_models").size());
        assertEquals(0, config.getJsonArray("key_ids").size());
    }

    @Test
    void create_providerConfigWithModelsKeysAndLimits_storesThem() {
        String providerName = unique("vkp");
        String keyId = provider(providerName, secret()).getJsonArray("keys").getJsonObject(0).getString("id");

        Reply created = admin("POST", "/api/virtual-keys", vk().add("provider_configs", array(object()
                        .add("provider", providerName).add("weight", 0.5)
                        .add("allowed_models", strings("regex:^gpt-4o.*$", "o3"))
                        .add("blocked_models", strings("gpt-4o-mini"))
                        .add("key_ids", strings(keyId))
                        .add("budgets", Json.createArrayBuilder().add(budget(3, "1d")))
                        .add("rate_limit", object().add("token_max_limit", 500).add("token_reset_duration", "1h"))))
                .build());

        assertEquals(201, created.status(), created.toString());
        JsonObject config = admin("GET", "/api/virtual-keys/" + created.json().getString("id")).json()
                .getJsonArray("provider_configs").getJsonObject(0);
        assertEquals(0.5, config.getJsonNumber("weight").doubleValue());
        assertEquals(strings("regex:^gpt-4o.*$", "o3"), config.getJsonArray("allowed_models"));
        assertEquals(strings("gpt-4o-mini"), config.getJsonArray("blocked_models"));
        assertEquals(strings(keyId), config.getJsonArray("key_ids"));
        assertEquals(3, config.getJsonArray("budgets").getJsonObject(0).getJsonNumber("max_limit").intValue());
        assertEquals(500, config.getJsonObject("rate_limit").getInt("token_max_limit"));
    }

    @Test
    void update_onlyName_replacesWholeKeyWithDefaults() {
        String providerName = unique("vkp");
        provider(providerName, secret());
        JsonObject key = Admin.created("/api/virtual-keys", vk().add("team_id", team(null))
                .add("is_active", false).add("expires_at", "2031-06-01T12:00:00Z")
                .add("provider_configs", array(object().add("provider", providerName)))
                .add("budgets", Json.createArrayBuilder().add(budget(1, "1h"))).build());

        Reply updated = admin("PUT", "/api/virtual-keys/" + key.getString("id"),
                object().add("name", key.getString("name")).build());

        assertEquals(200, updated.status(), updated.toString());
        JsonObject read = admin("GET", "/api/virtual-keys/" + key.getString("id")).json();
        assertTrue(read.isNull("team_id"), read.toString());
        assertTrue(read.getBoolean("is_active"), read.toString());
        assertTrue(read.isNull("expires_at"), read.toString());
        assertTrue(read.getBoolean("allow_all_providers"), read.toString());
        assertEquals(0, read.getJsonArray("provider_configs").size(), read.toString());
        assertEquals(0, read.getJsonArray("budgets").size(), read.toString());
        assertEquals(key.getString("key_hint"), read.getString("key_hint"));
    }

    @Test
    void crud_virtualKey_listAndDelete() {
        String id = Admin.created("/api/virtual-keys", vk().build()).getString("id");
        assertTrue(listed("/api/virtual-keys", "id", id));

        assertEquals(204, admin("DELETE", "/api/virtual-keys/" + id).status());
        assertProblemShape(admin("GET", "/api/virtual-keys/" + id), 404);
        assertProblemShape(admin("DELETE", "/api/virtual-keys/" + id), 404);
        assertProblemShape(admin("GET", "/api/virtual-keys/not-a-uuid"), 404);
        assertProblemShape(admin("PUT", "/api/virtual-keys/" + randomId(), vk().build()), 404);
    }

    @Test
    void delete_keyUsedByItsOwnScopedRule_returns409AndKeepsKey() {
        String id = Admin.created("/api/virtual-keys", vk().build()).getString("id");
        String rule = Admin.created("/api/routing/rules", object().add("name", unique("vk-rule"))
                .add("scope", "virtual_key").add("scope_id", id).add("enabled", false)
                .add("targets", array(object().add("model", "gpt-4o-mini").add("weight", 1))).build()).getString("id");

        assertProblemShape(admin("DELETE", "/api/virtual-keys/" + id), 409);

        assertEquals(200, admin("GET", "/api/virtual-keys/" + id).status());
        assertEquals(204, admin("DELETE", "/api/routing/rules/" + rule).status());
        assertEquals(204, admin("DELETE", "/api/virtual-keys/" + id).status());
    }

    @Test
    void create_teamAndCustomer_returns400FieldCustomerId() {
        assertRejectedAndAbsent(vk().add("team_id", team(null)).add("customer_id", customer()).build(),
                "customer_id");
    }

    @Test
    void create_unknownTeamOrCustomer_returns400NamingIt() {
        assertRejectedAndAbsent(vk().add("team_id", randomId()).build(), "team_id");
        assertRejectedAndAbsent(vk().add("customer_id", randomId()).build(), "customer_id");
    }

    @Test
    void create_badExpiresAt_returns400FieldExpiresAt() {
        assertRejectedAndAbsent(vk().add("expires_at", "next tuesday").build(), "expires_at");
        assertRejectedAndAbsent(vk().add("expires_at", "2030-13-01T00:00:00Z").build(), "expires_at");
    }

    @Test
    void create_unknownProvider_returns400FieldProvider() {
        assertRejectedAndAbsent(vk().add("provider_configs", array(object().add("provider", unique("nope"))))
                .build(), "provider_configs[0].provider");
    }

    @Test
    void create_sameProviderTwice_returns400() {
        String providerName = unique("vkp");
        provider(providerName, secret());
        JsonObject body = vk().add("provider_configs", array(object().add("provider", providerName),
                object().add("provider", providerName))).build();

        assertProblemAt(admin("POST", "/api/virtual-keys", body), 400, "provider_configs");
        assertFalse(listed("/api/virtual-keys", "name", body.getString("name")));
    }

    @Test
    void create_badProviderConfigValues_returns400NamingTheEntry() {
        String providerName = unique("vkp");
        provider(providerName, secret());
        String otherKey = provider(unique("other"), secret()).getJsonArray("keys").getJsonObject(0)
                .getString("id");

        assertRejectedAndAbsent(vk().add("provider_configs", array(object().add("provider", providerName)
                .add("weight", -0.5))).build(), "provider_configs[0].weight");
        JsonObject badRegex = vk().add("provider_configs", array(object().add("provider", providerName)
                .add("allowed_models", strings("gpt-4o", "regex:([a-z")))).build();
        assertProblemAt(admin("POST", "/api/virtual-keys", badRegex), 400, "provider_configs[0].allowed_models");
        assertFalse(listed("/api/virtual-keys", "name", badRegex.getString("name")));
        JsonObject foreignKey = vk().add("provider_configs", array(object().add("provider", providerName)
                .add("key_ids", strings(otherKey)))).build();
        assertProblemAt(admin("POST", "/api/virtual-keys", foreignKey), 400, "provider_configs[0].key_ids");
        assertFalse(listed("/api/virtual-keys", "name", foreignKey.getString("name")));
    }

    @Test
    void update_invalidConfig_returns400AndKeepsKey() {
        String teamId = team(null);
        JsonObject key = Admin.created("/api/virtual-keys", vk().add("team_id", teamId).build());

        Reply rejected = admin("PUT", "/api/virtual-keys/" + key.getString("id"), object()
                .add("name", unique("changed")).add("is_active", false)
                .add("provider_configs", array(object().add("provider", unique("missing")))).build());

        assertProblem(rejected, 400, "provider_configs[0].provider");
        JsonObject read = admin("GET", "/api/virtual-keys/" + key.getString("id")).json();
        assertEquals(key.getString("name"), read.getString("name"));
        assertTrue(read.getBoolean("is_active"));
        assertEquals(teamId, read.getString("team_id"));
    }

    @Test
    void create_duplicateName_returns409FieldName() {
        String name = unique("vkdup");
        Admin.created("/api/virtual-keys", object().add("name", name).build());

        assertProblem(admin("POST", "/api/virtual-keys", object().add("name", name).build()), 409, "name");
    }
}
