package it.proxy;

import static it.proxy.DataPlane.MOCK;
import static it.proxy.DataPlane.chat;
import static it.proxy.DataPlane.post;
import static it.proxy.DataPlane.provider;
import static it.proxy.DataPlane.scriptedKey;
import static it.proxy.DataPlane.virtualKey;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The virtual key's access control on every request (API.md §4): active and unexpired, provider allowed, model
 * allowed ({@code *}, {@code []}, {@code regex:}, blocked wins), and {@code key_ids} limiting the provider keys.
 * A refusal never reaches the provider.
 */
class AccessControlIT {

    private static String keyWith(String provider, JsonObjectBuilder config) {
        return virtualKey(object().add("name", unique("ac")).add("provider_configs",
                array(config.add("provider", provider))).build());
    }

    @ParameterizedTest(name = "allowed {0}, blocked {1}, model {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "*                 |                 | gpt-4o      | 200",
        "*                 | gpt-4o          | gpt-4o      | 403",
        "regex:gpt-4o.*    |                 | gpt-4o-mini | 200",
        "regex:gpt-4o.*    | regex:.*-mini   | gpt-4o-mini | 403",
        "gpt-4o-mini       |                 | gpt-4o      | 403",
        "                  |                 | gpt-4o      | 403"})
    void chat_modelFilters_allowedOrModelBlocked(String allowed, String blocked, String model, int status) {
        String key = scriptedKey("");
        String provider = provider("openai", key);
        JsonObjectBuilder config = object()
                .add("allowed_models", allowed == null ? strings() : strings(allowed.strip()))
                .add("blocked_models", blocked == null ? strings() : strings(blocked.strip()));
        String vk = keyWith(provider, config);

        Reply reply = post("/v1/chat/completions", vk, chat(provider + "/" + model));

        assertEquals(status, reply.status(), reply.toString());
        if (status == 403) {
            assertEquals("model_blocked", reply.json().getJsonObject("error").getString("type"));
            assertTrue(MOCK.requestsWithKey(key).isEmpty(), "a refused request never reaches the provider");
        }
    }

    @Test
    void chat_inactiveVirtualKey_403AndNoUpstreamCall() {
        String key = scriptedKey("");
        String provider = provider("openai", key);
        String vk = virtualKey(object().add("name", unique("off")).add("is_active", false).build());

        Reply reply = post("/v1/chat/completions", vk, chat(provider + "/gpt-4o"));

        assertEquals(403, reply.status(), reply.toString());
        assertEquals("virtual_key_blocked", reply.json().getJsonObject("error").getString("type"));
        assertTrue(MOCK.requestsWithKey(key).isEmpty());
    }

    @Test
    void chat_keyIdsOnTheProviderConfig_onlyThoseKeysUsed() {
        String first = scriptedKey("");
        String second = scriptedKey("");
        String name = unique("ac-keys");
        Reply created = admin("POST", "/api/providers", object().add("name", name).add("type", "openai")
                .add("base_url", MOCK.openAiBaseUrl()).add("models", strings("gpt-4o"))
                .add("keys", array(object().add("name", "a").add("value", first),
                        object().add("name", "b").add("value", second))).build());
        assertEquals(201, created.status(), created.toString());
        String secondId = created.json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getString("name").equals("b")).findFirst().orElseThrow().getString("id");
        String vk = keyWith(name, object().add("key_ids", strings(secondId)));

        for (int i = 0; i < 6; i++) {
            assertEquals(200, post("/v1/chat/completions", vk, chat(name + "/gpt-4o")).status());
        }

        assertTrue(MOCK.requestsWithKey(first).isEmpty());
        assertEquals(6, MOCK.requestsWithKey(second).size());
    }
}
