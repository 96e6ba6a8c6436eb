package it.admin;

import static it.admin.Admin.assertProblem;
import static it.admin.Admin.assertProblemAt;
import static it.admin.Admin.assertProblemShape;
import static it.admin.Admin.provider;
import static it.admin.Admin.randomId;
import static it.admin.Admin.secret;
import static it.support.Bodies.array;
import static it.support.Bodies.object;
import static it.support.Bodies.strings;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Provider keys: write-only values shown masked, the keys list of a provider PUT, and the keys sub-resource. */
class ProviderKeyIT {

    private static String masked(String value) {
        return value.substring(0, 3) + "..." + value.substring(value.length() - 4);
    }

    private static JsonObjectBuilder base(String name) {
        // The host of it.support.Bodies.provider: a PUT that moved the provider to another host would have to send
        // every key value again (API.md §3); these tests are about keeping them.
        return object().add("name", name).add("type", "openai").add("base_url", "http://127.0.0.1:1/v2");
    }

    private static JsonObject keyNamed(JsonObject provider, String keyName) {
        return provider.getJsonArray("keys").stream().map(JsonValue::asJsonObject)
                .filter(k -> k.getString("name").equals(keyName)).findFirst().orElseThrow(() ->
                        new AssertionError("no key " + keyName + " in " + provider));
    }

    @Test
    void update_withoutKeys_keepsKeysAndReplacesTheRest() {
        String name = unique("keep");
        String value = secret();
        JsonObject before = provider(name, value);

        Reply updated = admin("PUT", "/api/providers/" + name, base(name).build());

        assertEquals(200, updated.status(), updated.toString());
        JsonObject read = admin("GET", "/api/providers/" + name).json();
        assertEquals("http://127.0.0.1:1/v2", read.getString("base_url"));
        assertEquals(0, read.getJsonArray("models").size(), read.toString());
        JsonObject key = read.getJsonArray("keys").getJsonObject(0);
        assertEquals(before.getJsonArray("keys").getJsonObject(0).getString("id"), key.getString("id"));
        assertEquals(masked(value), key.getString("value"));
    }

    @Test
    void update_keysMatchedById_keepsValuesReplacesAndRemoves() {
        String name = unique("rekey");
        String kept = secret();
        String untouched = secret();
        String replaced = secret();
        String fresh = secret();
        provider(name, kept);
        String keys = "/api/providers/" + name + "/keys";
        assertEquals(201, admin("POST", keys, object().add("name", "second").add("value", secret()).build()).status());
        assertEquals(201, admin("POST", keys, object().add("name", "third").add("value", untouched).build()).status());
        assertEquals(201, admin("POST", keys, object().add("name", "doomed").add("value", secret()).build()).status());
        JsonObject before = admin("GET", "/api/providers/" + name).json();
        JsonObject primary = keyNamed(before, "primary");
        JsonArrayBuilder sent = Json.createArrayBuilder()
                .add(object().add("id", primary.getString("id")).add("name", "primary")
                        .add("value", primary.getString("value")).add("weight", 2))
                .add(object().add("id", keyNamed(before, "second").getString("id")).add("name", "second")
                        .add("value", replaced))
                .add(object().add("id", keyNamed(before, "third").getString("id")).add("name", "third"))
                .add(object().add("name", "fourth").add("value", fresh).add("enabled", false));

        Reply updated = admin("PUT", "/api/providers/" + name, base(name).add("keys", sent).build());

        assertEquals(200, updated.status(), updated.toString());
        JsonObject after = admin("GET", "/api/providers/" + name).json();
        assertEquals(4, after.getJsonArray("keys").size(), after.toString());
        for (String key : new String[] {"primary", "second", "third"}) {
            assertEquals(keyNamed(before, key).getString("id"), keyNamed(after, key).getString("id"), key);
        }
        assertEquals(masked(kept), keyNamed(after, "primary").getString("value"));
        assertEquals(2.0, keyNamed(after, "primary").getJsonNumber("weight").doubleValue());
        assertEquals(masked(replaced), keyNamed(after, "second").getString("value"));
        assertEquals(masked(untouched), keyNamed(after, "third").getString("value"));
        assertEquals(masked(fresh), keyNamed(after, "fourth").getString("value"));
        assertFalse(keyNamed(after, "fourth").getBoolean("enabled"));
        assertTrue(after.getJsonArray("keys").stream().noneMatch(k -> k.asJsonObject().getString("name")
                .equals("doomed")));
        for (String value : new String[] {kept, untouched, replaced, fresh}) {
            assertFalse(updated.body().contains(value));
        }
    }

    @Test
    void update_keysListWithInvalidKeys_returns400AndKeepsKeys() {
        String name = unique("badkeys");
        String value = secret();
        provider(name, value);

        assertProblem(admin("PUT", "/api/providers/" + name, base(name).add("keys", array(
                object().add("name", "a").add("value", secret()),
                object().add("name", "a").add("value", secret()))).build()), 400, "keys[1].name");
        assertProblemAt(admin("PUT", "/api/providers/" + name, base(name).add("keys", array(
                object().add("name", "nokey"))).build()), 400, "keys[0].value");
        assertProblem(admin("PUT", "/api/providers/" + name, base(name).add("keys", array(
                object().add("name", "zero").add("value", secret()).add("weight", 0))).build()),
                400, "keys[0].weight");

        JsonObject read = admin("GET", "/api/providers/" + name).json();
        assertEquals("http://127.0.0.1:1/v1", read.getString("base_url"));
        assertEquals(1, read.getJsonArray("keys").size());
        assertEquals(masked(value), read.getJsonArray("keys").getJsonObject(0).getString("value"));
    }

    @Test
    void keys_subResource_createListReadUpdateDelete() {
        String name = unique("sub");
        provider(name, secret());
        String value = secret();
        String keys = "/api/providers/" + name + "/keys";

        Reply created = admin("POST", keys, object().add("name", "extra").add("value", value).add("weight", 0.5)
                .add("models", strings("gpt-4o")).build());

        assertEquals(201, created.status(), created.toString());
        assertFalse(created.body().contains(value));
        String id = created.json().getString("id");
        assertTrue(created.location().endsWith(keys + "/" + id), created.location());
        assertEquals(masked(value), created.json().getString("value"));
        assertEquals(2, admin("GET", keys).json().getJsonArray("data").size());
        JsonObject read = admin("GET", keys + "/" + id).json();
        assertEquals(0.5, read.getJsonNumber("weight").doubleValue());
        assertEquals(strings("gpt-4o"), read.getJsonArray("models"));

        Reply updated = admin("PUT", keys + "/" + id, object().add("name", "extra").add("enabled", false).build());
        assertEquals(200, updated.status(), updated.toString());
        read = admin("GET", keys + "/" + id).json();
        assertFalse(read.getBoolean("enabled"));
        assertEquals(masked(value), read.getString("value"));

        assertEquals(204, admin("DELETE", keys + "/" + id).status());
        assertProblemShape(admin("GET", keys + "/" + id), 404);
        assertEquals(1, admin("GET", keys).json().getJsonArray("data").size());
        assertProblemShape(admin("GET", keys + "/" + randomId()), 404);
        assertProblemShape(admin("GET", "/api/providers/" + unique("none") + "/keys"), 404);
    }

    @Test
    void keys_subResourceInvalidKey_returns4xxAndKeepsKeys() {
        String name = unique("subbad");
        provider(name, secret());
        String keys = "/api/providers/" + name + "/keys";

        assertProblem(admin("POST", keys, object().add("name", "novalue").build()), 400, "value");
        assertProblem(admin("POST", keys, object().add("name", "primary").add("value", secret()).build()),
                409, "name");
        assertProblem(admin("POST", keys, object().add("name", "neg").add("value", secret()).add("weight", -1)
                .build()), 400, "weight");

        assertEquals(1, admin("GET", keys).json().getJsonArray("data").size());
    }

    @Test
    void delete_keyPinnedByRuleTarget_returns409UntilReleased() {
        String name = unique("pinned");
        String keyId = provider(name, secret()).getJsonArray("keys").getJsonObject(0).getString("id");
        String rule = Admin.created("/api/routing/rules", object().add("name", unique("pin")).add("enabled", false)
                .add("targets", array(object().add("provider", name).add("key_id", keyId).add("weight", 1))).build())
                .getString("id");
        String key = "/api/providers/" + name + "/keys/" + keyId;

        assertProblemShape(admin("DELETE", key), 409);
        assertEquals(200, admin("GET", key).status());
        assertEquals(204, admin("DELETE", "/api/routing/rules/" + rule).status());
        assertEquals(204, admin("DELETE", key).status());
        assertProblemShape(admin("GET", key), 404);
    }
    @Test
    void update_keyResentByNameWithoutId_keepsIdentityAndTakesNewValue() {
        String name = unique("rename");
        String oldValue = secret();
        String newValue = secret();
        String oldId = provider(name, oldValue).getJsonArray("keys").getJsonObject(0).getString("id");

        Reply updated = admin("PUT", "/api/providers/" + name, base(name).add("keys", array(object()
                .add("name", "primary").add("value", newValue))).build());

        assertEquals(200, updated.status(), updated.toString());
        JsonObject after = admin("GET", "/api/providers/" + name).json();
        assertEquals(1, after.getJsonArray("keys").size(), after.toString());
        assertEquals(oldId, keyNamed(after, "primary").getString("id"));
        assertEquals(masked(newValue), keyNamed(after, "primary").getString("value"));
    }

    @Test
    void update_keysDroppingAKeyPinnedByARule_returns409AndKeepsKeys() {
        String name = unique("pinlist");
        String value = secret();
        String keyId = provider(name, value).getJsonArray("keys").getJsonObject(0).getString("id");
        Admin.created("/api/routing/rules", object().add("name", unique("pin")).add("enabled", false)
                .add("targets", array(object().add("provider", name).add("key_id", keyId).add("weight", 1))).build());
        JsonObject before = admin("GET", "/api/providers/" + name).json();

        Reply rejected = admin("PUT", "/api/providers/" + name, base(name).add("keys", array(object()
                .add("name", "other").add("value", secret()))).build());

        assertProblemShape(rejected, 409);
        assertEquals(before, admin("GET", "/api/providers/" + name).json());
    }

    @Test
    void delete_keyUsedByVirtualKeyConfig_returns409UntilReleased() {
        String name = unique("vkpin");
        String keyId = provider(name, secret()).getJsonArray("keys").getJsonObject(0).getString("id");
        JsonObject config = object().add("provider", name).add("key_ids", strings(keyId)).build();
        String vk = Admin.created("/api/virtual-keys", object().add("name", unique("vk"))
                .add("provider_configs", Json.createArrayBuilder().add(config)).build()).getString("id");
        String key = "/api/providers/" + name + "/keys/" + keyId;

        assertProblemShape(admin("DELETE", key), 409);
        assertEquals(200, admin("GET", key).status());
        assertEquals(204, admin("DELETE", "/api/virtual-keys/" + vk).status());
        assertEquals(204, admin("DELETE", key).status());
    }

    @Test
    void keys_renameToTakenName_returns409AndKeepsName() {
        String name = unique("taken");
        provider(name, secret());
        String keys = "/api/providers/" + name + "/keys";
        String id = admin("POST", keys, object().add("name", "spare").add("value", secret()).build()).json()
                .getString("id");

        assertProblem(admin("PUT", keys + "/" + id, object().add("name", "primary").build()), 409, "name");

        assertEquals("spare", admin("GET", keys + "/" + id).json().getString("name"));
    }
}
