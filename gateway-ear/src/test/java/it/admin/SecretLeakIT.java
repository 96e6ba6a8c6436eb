package it.admin;

import static it.admin.Admin.customer;
import static it.support.Bodies.array;
import static it.support.Bodies.budget;
import static it.support.Bodies.object;
import static it.support.Bodies.strings;
import static it.support.Gateway.admin;
import static it.support.Gateway.send;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import it.support.Gateway;
import it.support.Gateway.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Provider key values and virtual key values are secrets: no management response and no log line may carry
 * them (nor their unmasked middle, which is what masking hides).
 */
class SecretLeakIT {
    private static final String PROVIDER_KEY = "sk-leakcheck-" + token();
    private static final String SECOND_KEY = "sk-leakcheck-" + token();
    private static final String REJECTED_KEY = "sk-leakcheck-" + token();
    private static String vkValue;
    private static final List<String> READS = new ArrayList<>();
    /** Reads of the contract that may answer 404 while not built yet: they must not leak either. */
    private static final List<String> OTHER_READS = List.of("/api/config/export", "/api/logs", "/api/logs/stats?group_by=virtual_key",
            "/api/health/targets", "/openapi", "/metrics", "/health/ready", "/health/live");
    private static String providerName;

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The secret and its middle: what must stay hidden even where the masked form shows its ends. */
    private static List<String> secrets() {
        List<String> all = new ArrayList<>();
        for (String value : new String[] {PROVIDER_KEY, SECOND_KEY, REJECTED_KEY, vkValue}) {
            all.add(value);
            all.add(value.substring(3, value.length() - 4));
        }
        return all;
    }

    private static void assertNoSecret(String where, String text) {
        for (String secret : secrets()) {
            if (text.contains(secret)) {
                fail(where + " leaks a secret (" + secret.substring(0, 12) + "...): " + text.substring(0,
                        Math.min(text.length(), 2000)));
            }
        }
    }

    @BeforeAll
    static void createSecrets() {
        providerName = unique("leaky");
        JsonObject provider = Admin.created("/api/providers", object().add("name", providerName)
                .add("type", "openai").add("base_url", "http://127.0.0.1:1/v1").add("models", strings("gpt-4o"))
                .add("network", object().add("max_retries", 0).add("connect_timeout_ms", 500))
                .add("keys", array(object().add("name", "primary").add("value", PROVIDER_KEY))).build());
        String keyId = provider.getJsonArray("keys").getJsonObject(0).getString("id");
        Reply second = admin("POST", "/api/providers/" + providerName + "/keys", object().add("name", "second")
                .add("value", SECOND_KEY).build());
        assertEquals(201, second.status(), second.toString());
        String teamId = Admin.team(customer());
        JsonObject vk = Admin.created("/api/virtual-keys", object().add("name", unique("leaky-vk"))
                .add("team_id", teamId).add("budgets", Json.createArrayBuilder().add(budget(5, "1d")))
                .add("provider_configs", array(object().add("provider", providerName)
                        .add("key_ids", strings(keyId)))).build());
        vkValue = vk.getString("value");
        String rule = Admin.created("/api/routing/rules", object().add("name", unique("leaky-rule"))
                .add("scope", "virtual_key").add("scope_id", vk.getString("id"))
                .add("targets", array(object().add("provider", providerName).add("key_id", keyId).add("weight", 1)))
                .build()).getString("id");
        Admin.created("/api/model-configs", object().add("name", unique("leaky-mc")).add("model", unique("leaky-model"))
                .add("provider", providerName).build());
        Admin.created("/api/pricing", object().add("provider", providerName).add("model", "gpt-4o")
                .add("input_per_million", 1).add("output_per_million", 2).build());

        String p = "/api/providers/" + providerName;
        READS.addAll(List.of("/api/customers", "/api/teams", "/api/teams/" + teamId, "/api/virtual-keys",
                "/api/virtual-keys/" + vk.getString("id"), "/api/providers", p, p + "/keys", p + "/keys/" + keyId,
                p + "/keys/" + second.json().getString("id"), "/api/model-configs", "/api/pricing",
                "/api/routing/rules", "/api/routing/rules/" + rule, "/api/config"));
    }

    @Test
    void everyRead_afterCreatingSecrets_neverShowsThem() {
        for (String path : READS) {
            Reply reply = admin("GET", path);
            assertEquals(200, reply.status(), path + " -> " + reply);
            assertNoSecret("GET " + path, reply.body());
        }
        for (String path : OTHER_READS) {
            assertNoSecret("GET " + path, admin("GET", path).body());
        }
        String masked = admin("GET", "/api/providers/" + providerName).json().getJsonArray("keys")
                .getJsonObject(0).getString("value");
        assertEquals(PROVIDER_KEY.substring(0, 3) + "..." + PROVIDER_KEY.substring(PROVIDER_KEY.length() - 4),
                masked);
    }

    @Test
    void writesAndRejections_echoingSecrets_neverShowThem() {
        String p = "/api/providers/" + providerName;
        JsonObject current = admin("GET", p).json();
        Reply putBack = admin("PUT", p, current);
        assertEquals(200, putBack.status(), putBack.toString());
        assertNoSecret("PUT " + p, putBack.body());
        assertNoSecret("duplicate key", admin("POST", p + "/keys", object().add("name", "primary")
                .add("value", REJECTED_KEY).build()).body());
        assertNoSecret("bad key weight", admin("POST", p + "/keys", object().add("name", unique("k"))
                .add("value", REJECTED_KEY).add("weight", -1).build()).body());
        assertNoSecret("bad provider", admin("POST", "/api/providers", object().add("name", unique("bad"))
                .add("type", "nope").add("base_url", "http://127.0.0.1:1/v1")
                .add("keys", array(object().add("name", "k").add("value", REJECTED_KEY).add("weight", "x"))).build())
                .body());
        assertNoSecret("malformed body", admin("POST", "/api/providers", "{\"keys\": [{\"value\": \""
                + REJECTED_KEY + "\"").body());
        assertNoSecret("vk as admin token", send("GET", "/api/virtual-keys", null, null, "Bearer " + vkValue)
                .body());
        assertNoSecret("vk self", send("GET", "/api/virtual-keys/self", null, null, "Bearer " + vkValue).body());
    }

    @Test
    void dataPlaneCalls_withTheVirtualKey_neverShowSecrets() {
        String chat = object().add("model", providerName + "/gpt-4o").add("messages", array(object()
                .add("role", "user").add("content", "hi"))).build().toString();
        for (String header : new String[] {"Bearer " + vkValue, "Bearer " + vkValue + "x"}) {
            assertNoSecret("chat", send("POST", "/v1/chat/completions", chat, "application/json", header).body());
            assertNoSecret("models", send("GET", "/v1/models", null, null, header).body());
        }
    }

    @Test
    void serverLogs_afterAllCalls_neverHoldSecrets() throws IOException {
        everyRead_afterCreatingSecrets_neverShowsThem();
        writesAndRejections_echoingSecrets_neverShowThem();
        dataPlaneCalls_withTheVirtualKey_neverShowSecrets();

        Path logs = Gateway.SERVER_DIR.resolve("logs");
        assertTrue(Files.isDirectory(logs), "no log directory at " + logs.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(logs)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("messages")), files.toString());
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            } catch (UncheckedIOException | IOException vanishedDuringRotation) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                assertNoSecret(file.getFileName() + ":" + (i + 1), lines.get(i));
            }
        }
    }
}
