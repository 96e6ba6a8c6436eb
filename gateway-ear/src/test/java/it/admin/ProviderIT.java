package it.admin;

import static it.admin.Admin.assertProblem;
import static it.admin.Admin.assertProblemShape;
import static it.admin.Admin.listed;
import static it.admin.Admin.provider;
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
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProviderIT {

    private static String masked(String value) {
        return value.substring(0, 3) + "..." + value.substring(value.length() - 4);
    }

    private static JsonObjectBuilder base(String name) {
        return object().add("name", name).add("type", "openai").add("base_url", "https://example.test/v1");
    }

    @Test
    void create_openAiProvider_returns201WithDefaultsAndMaskedKey() {
        String name = unique("prov");
        String value = secret();

        Reply created = admin("POST", "/api/providers", it.support.Bodies.provider(name, value));

        assertEquals(201, created.status(), created.toString());
        assertTrue(created.location().endsWith("/api/providers/" + name), created.location());
        assertFalse(created.body().contains(value), created.body());
        JsonObject provider = created.json();
        assertEquals("openai", provider.getString("type"));
        assertEquals("http://127.0.0.1:1/v1", provider.getString("base_url"));
        assertTrue(provider.isNull("api_version"));
        assertEquals(strings("gpt-4o", "gpt-4o-mini"), provider.getJsonArray("models"));
        JsonObject network = provider.getJsonObject("network");
        assertEquals(5000, network.getInt("connect_timeout_ms"));
        assertEquals(300000, network.getInt("request_timeout_ms"));
        assertEquals(60000, network.getInt("stream_idle_timeout_ms"));
        assertEquals(1, network.getInt("max_retries"));
        assertEquals(500, network.getInt("retry_backoff_initial_ms"));
        assertEquals(5000, network.getInt("retry_backoff_max_ms"));
        JsonObject key = provider.getJsonArray("keys").getJsonObject(0);
        assertEquals(masked(value), key.getString("value"));
        assertEquals(1.0, key.getJsonNumber("weight").doubleValue());
        assertEquals(strings("*"), key.getJsonArray("models"));
        assertTrue(key.getBoolean("enabled"));
        assertEquals(0, provider.getJsonArray("budgets").size());
        assertTrue(provider.isNull("rate_limit"));
    }

    @Test
    void create_azureWithApiVersionAndNetwork_storesThem() {
        String name = unique("azure");
        Reply created = admin("POST", "/api/providers", object().add("name", name).add("type", "azure")
                .add("base_url", "https://res.openai.azure.com").add("api_version", "2024-10-21")
                .add("network", object().add("connect_timeout_ms", 1000).add("max_retries", 3)).build());

        assertEquals(201, created.status(), created.toString());
        JsonObject read = admin("GET", "/api/providers/" + name).json();
        assertEquals("azure", read.getString("type"));
        assertEquals("2024-10-21", read.getString("api_version"));
        assertEquals(1000, read.getJsonObject("network").getInt("connect_timeout_ms"));
        assertEquals(3, read.getJsonObject("network").getInt("max_retries"));
        assertEquals(300000, read.getJsonObject("network").getInt("request_timeout_ms"));
        assertTrue(listed("/api/providers", "name", name));
    }

    @Test
    void create_invalidFields_returns400NamingTheFieldAndStoresNothing() {
        String name = unique("bad");
        JsonObject[] bodies = {
            object().add("name", name).add("type", "azure").add("base_url", "https://res.openai.azure.com").build(),
            base(name).add("type", "cohere").build(),
            base(name).add("base_url", "/relative/v1").build(),
            base(name).add("base_url", "ftp://example.test").build(),
            base(name + "/x").build(),
        };
        String[] fields = {"api_version", "type", "base_url", "base_url", "name"};
        for (int i = 0; i < bodies.length; i++) {
            assertProblem(admin("POST", "/api/providers", bodies[i]), 400, fields[i]);
        }
        assertProblemShape(admin("GET", "/api/providers/" + name), 404);
        assertFalse(listed("/api/providers", "name", name));
    }

    @Test
    void update_differentName_returns400FieldNameAndKeepsProvider() {
        String name = unique("fixed");
        provider(name, secret());

        Reply rejected = admin("PUT", "/api/providers/" + name, base(unique("other")).build());

        assertProblem(rejected, 400, "name");
        JsonObject read = admin("GET", "/api/providers/" + name).json();
        assertEquals("http://127.0.0.1:1/v1", read.getString("base_url"));
        assertEquals(1, read.getJsonArray("keys").size());
    }

    @Test
    void delete_providerStillReferenced_returns409UntilReleased() {
        for (String kind : new String[] {"vk", "model-config", "rule-target", "rule-fallback"}) {
            String name = unique("used");
            provider(name, secret());
            String reference = switch (kind) {
                case "vk" -> "/api/virtual-keys/" + Admin.created("/api/virtual-keys", object()
                        .add("name", unique("vk")).add("provider_configs", array(object().add("provider", name)))
                        .build()).getString("id");
                case "model-config" -> "/api/model-configs/" + Admin.created("/api/model-configs", object()
                        .add("name", unique("mc")).add("model", "gpt-4o").add("provider", name).build())
                        .getString("id");
                case "rule-target" -> "/api/routing/rules/" + Admin.created("/api/routing/rules",
                        rule(object().add("provider", name).add("weight", 1))).getString("id");
                default -> "/api/routing/rules/" + Admin.created("/api/routing/rules",
                        rule(object().add("model", "gpt-4o").add("weight", 1), name + "/gpt-4o")).getString("id");
            };

            assertProblemShape(admin("DELETE", "/api/providers/" + name), 409);
            assertEquals(200, admin("GET", "/api/providers/" + name).status(), kind);
            assertEquals(204, admin("DELETE", reference).status(), reference);
            assertEquals(204, admin("DELETE", "/api/providers/" + name).status(), kind);
            assertProblemShape(admin("GET", "/api/providers/" + name), 404);
        }
        assertProblemShape(admin("DELETE", "/api/providers/" + unique("never")), 404);
    }

    @Test
    void readUpdate_unknownName_returns404() {
        String name = unique("absent");

        assertProblemShape(admin("GET", "/api/providers/" + name), 404);
        assertProblemShape(admin("PUT", "/api/providers/" + name, base(name).build()), 404);
        assertProblemShape(admin("GET", "/api/providers/" + name + "/keys"), 404);
        assertProblemShape(admin("POST", "/api/providers/" + name + "/keys", object().add("name", "k")
                .add("value", secret()).build()), 404);
        assertFalse(listed("/api/providers", "name", name));
    }

    @Test
    void create_nameWithHash_isRejectedOrAddressable() {
        String name = unique("hash#tag");
        String path = "/api/providers/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");

        Reply created = admin("POST", "/api/providers", base(name).build());

        if (created.status() == 201) {
            Reply read = admin("GET", path);
            assertEquals(200, read.status(), "created as " + created.location() + " but GET " + path + " -> " + read);
            assertEquals(204, admin("DELETE", path).status());
        } else {
            assertProblem(created, 400, "name");
        }
    }

    /** A disabled rule, so that it cannot route other tests' traffic. */
    private static JsonObject rule(JsonObjectBuilder target, String... fallbacks) {
        return object().add("name", unique("rule")).add("enabled", false).add("targets", array(target))
                .add("fallbacks", strings(fallbacks)).build();
    }
}
