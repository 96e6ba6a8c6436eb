package it.security;

import static it.proxy.DataPlane.MOCK;
import static it.proxy.DataPlane.chat;
import static it.proxy.DataPlane.post;
import static it.proxy.DataPlane.scriptedKey;
import static it.proxy.DataPlane.virtualKey;
import static it.support.Bodies.array;
import static it.support.Bodies.object;
import static it.support.Bodies.strings;
import static it.support.Gateway.admin;
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import it.support.Gateway;
import it.support.Gateway.Reply;
import it.support.mock.MockProvider;
import it.support.mock.RecordedRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Provider keys only go where they were entered for (API.md §3, "Where a provider may point"): base_url may not
 * point at link-local or metadata hosts, the operator's host lists apply when the gateway connects, a provider
 * moved to another host must be given its key values again, redirects are not followed, regex model filters
 * cannot be made to backtrack, and admin names hold no control characters. Every case checks that nothing
 * changed and that no key value shows in an answer or in the server log.
 */
class EgressIT {
    private static final String PROBLEM_JSON = "application/problem+json";
    /** Every key value this class sends: none may appear in an answer or in messages.log. */
    private static final List<String> SECRETS = Collections.synchronizedList(new ArrayList<>());

    private static String secret() {
        String key = scriptedKey("");
        SECRETS.add(key);
        return key;
    }

    private static JsonObjectBuilder providerBody(String name, String baseUrl, String keyValue) {
        return object().add("name", name).add("type", "openai").add("base_url", baseUrl)
                .add("models", strings("gpt-4o"))
                .add("network", object().add("max_retries", 0).add("connect_timeout_ms", 1000)
                        .add("request_timeout_ms", 5000).add("stream_idle_timeout_ms", 5000))
                .add("keys", array(object().add("name", "primary").add("value", keyValue)));
    }

    private static String provider(String baseUrl, String keyValue) {
        String name = unique("egress");
        Reply created = admin("POST", "/api/providers", providerBody(name, baseUrl, keyValue).build());
        assertEquals(201, created.status(), created.toString());
        assertNoSecret(created.body());
        return name;
    }

    private static List<String> providerNames() {
        Reply list = admin("GET", "/api/providers");
        assertEquals(200, list.status(), list.toString());
        return list.json().getJsonArray("data").stream().map(v -> v.asJsonObject().getString("name")).toList();
    }

    private static void assertProblem(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith(PROBLEM_JSON), reply.contentType());
        assertTrue(reply.hasFieldError(field), "expected an error for " + field + ": " + reply);
        assertNoSecret(reply.body());
    }

    private static void assertNoSecret(String text) {
        synchronized (SECRETS) {
            for (String secret : SECRETS) {
                if (text.contains(secret)) {
                    fail("a key value leaks: " + text.substring(0, Math.min(text.length(), 500)));
                }
            }
        }
    }

    private static long withKey(MockProvider mock, String key) {
        return mock.requests().stream().filter(r -> r.apiKey().filter(key::equals).isPresent()).count();
    }

    private static String messagesLog() throws IOException {
        return Files.readString(Path.of(System.getProperty("iris.serverDir", Gateway.SERVER_DIR.toString()),
                "logs", "messages.log"), StandardCharsets.ISO_8859_1);
    }

    /** Runs {@code body} with {@code denied} added to provider_hosts_denied, then restores the configuration. */
    private static void withDeniedHosts(List<String> denied, Runnable body) {
        JsonObject original = admin("GET", "/api/config").json();
        JsonArrayBuilder list = Json.createArrayBuilder(original.getJsonArray("provider_hosts_denied"));
        denied.forEach(list::add);
        Reply changed = admin("PUT", "/api/config", object().add("provider_hosts_denied", list).build());
        assertEquals(200, changed.status(), changed.toString());
        try {
            body.run();
        } finally {
            Reply restored = admin("PUT", "/api/config", original);
            assertEquals(200, restored.status(), restored.toString());
            assertEquals(original, restored.json());
        }
    }

    @Test
    void create_baseUrlAtMetadataOrOddHost_400BaseUrlAndNothingStored() {
        String key = secret();
        String[] urls = {"http://169.254.169.254/v1", "http://metadata.google.internal/", "http://[fe80::1]/",
            "http://2852039166/", "ftp://x", "http://0xa9fea9fe/latest", "http://[::ffff:169.254.169.254]/",
            "http://METADATA.Google.Internal./v1", "http://[fd00:ec2::254]/", "http://0.0.0.0:8080/v1",
            "http://api.example.com@169.254.169.254/"};
        List<String> before = providerNames();
        for (String url : urls) {
            String name = unique("egress-bad");
            Reply reply = admin("POST", "/api/providers", providerBody(name, url, key).build());

            assertProblem(reply, "base_url");
            assertFalse(providerNames().contains(name), url);
        }
        assertEquals(before, providerNames(), "the provider list is unchanged");
    }

    @Test
    void replace_baseUrlAtMetadataHost_400AndProviderUnchanged() {
        String key = secret();
        String name = provider(MOCK.openAiBaseUrl(), key);
        JsonObject before = admin("GET", "/api/providers/" + name).json();

        for (String url : new String[] {"http://169.254.169.254/v1", "http://metadata.goog/", "http://[fe80::1]/"}) {
            Reply reply = admin("PUT", "/api/providers/" + name, providerBody(name, url, key).build());
            assertProblem(reply, "base_url");
        }

        assertEquals(before, admin("GET", "/api/providers/" + name).json());
        Reply call = post("/v1/chat/completions", virtualKey(), chat(name + "/gpt-4o"));
        assertEquals(200, call.status(), call.toString());
        assertEquals(1, withKey(MOCK, key));
    }

    @Test
    void replace_movedToAnotherHost_keysNotSentAgainDroppedAndOldKeyNeverReachesIt() {
        String oldKey = secret();
        String newKey = secret();
        String name = provider(MOCK.openAiBaseUrl(), oldKey);
        String vk = virtualKey();
        try (MockProvider other = MockProvider.start()) {
            JsonObject read = admin("GET", "/api/providers/" + name).json();
            JsonObject keyAsRead = read.getJsonArray("keys").getJsonObject(0);
            long oldCallsBefore = withKey(MOCK, oldKey);

            Reply keptMasked = admin("PUT", "/api/providers/" + name, Json.createObjectBuilder(read)
                    .add("base_url", other.openAiBaseUrl()).build());

            assertEquals(200, keptMasked.status(), keptMasked.toString());
            assertEquals(0, keptMasked.json().getJsonArray("keys").size(), "the key not sent again is dropped");
            assertEquals(0, admin("GET", "/api/providers/" + name).json().getJsonArray("keys").size());
            Reply withoutKey = post("/v1/chat/completions", vk, chat(name + "/gpt-4o"));
            assertTrue(withoutKey.status() >= 400, withoutKey.toString());
            assertNoSecret(withoutKey.body());
            assertEquals(0, other.count(), "a provider without keys sends nothing to its new host");
            assertEquals(oldCallsBefore, withKey(MOCK, oldKey), "nor to the old one");

            Reply keysLeftOut = admin("PUT", "/api/providers/" + name, Json.createObjectBuilder(read)
                    .remove("keys").build());
            assertEquals(200, keysLeftOut.status(), keysLeftOut.toString());
            assertEquals(0, keysLeftOut.json().getJsonArray("keys").size(),
                    "moving back does not bring the dropped value back");

            Reply moved = admin("PUT", "/api/providers/" + name, Json.createObjectBuilder(read)
                    .add("base_url", other.openAiBaseUrl())
                    .add("keys", array(object().add("name", keyAsRead.getString("name")).add("value", newKey)))
                    .build());
            assertEquals(200, moved.status(), moved.toString());
            assertNoSecret(moved.body());
            long oldCalls = withKey(MOCK, oldKey);
            assertEquals(oldCallsBefore, oldCalls);

            Reply call = post("/v1/chat/completions", vk, chat(name + "/gpt-4o"));

            assertEquals(200, call.status(), call.toString());
            assertEquals(1, other.count());
            for (RecordedRequest request : other.requests()) {
                assertEquals(newKey, request.apiKey().orElse(""), "only the key sent with the move");
                assertFalse(request.headers().toString().contains(oldKey), "the old key never reaches the new host");
            }
            assertEquals(oldCalls, withKey(MOCK, oldKey));
        }
    }

    @Test
    void replace_movedToAnotherHostWhileAKeyIsPinned_409AndNothingChanged() {
        String name = provider(MOCK.openAiBaseUrl(), secret());
        JsonObject read = admin("GET", "/api/providers/" + name).json();
        String keyId = read.getJsonArray("keys").getJsonObject(0).getString("id");
        Reply rule = admin("POST", "/api/routing/rules", object().add("name", unique("pin")).add("enabled", false)
                .add("targets", array(object().add("provider", name).add("key_id", keyId).add("weight", 1))).build());
        assertEquals(201, rule.status(), rule.toString());

        Reply moved = admin("PUT", "/api/providers/" + name, Json.createObjectBuilder(read)
                .add("base_url", "http://localhost:1/v1").build());

        assertEquals(409, moved.status(), moved.toString());
        assertEquals(read, admin("GET", "/api/providers/" + name).json(), "a refused move changes nothing");
        assertEquals(204, admin("DELETE", "/api/routing/rules/" + rule.json().getString("id")).status());
    }

    @Test
    void replace_pathOnlyChange_keepsKeys() {
        String key = secret();
        String name = provider(MOCK.baseUrl() + "/wrong/v1", key);
        JsonObject read = admin("GET", "/api/providers/" + name).json();

        Reply fixed = admin("PUT", "/api/providers/" + name, Json.createObjectBuilder(read)
                .add("base_url", MOCK.openAiBaseUrl()).build());

        assertEquals(200, fixed.status(), fixed.toString());
        assertEquals(read.getJsonArray("keys").getJsonObject(0).getString("value"),
                fixed.json().getJsonArray("keys").getJsonObject(0).getString("value"));
        Reply call = post("/v1/chat/completions", virtualKey(), chat(name + "/gpt-4o"));
        assertEquals(200, call.status(), call.toString());
        assertEquals(1, withKey(MOCK, key), "the kept key is used at the same host");
    }

    @Test
    void deniedAtRunTime_pooledAndNewConnections_refusedAtConnectTime() throws IOException {
        String key = secret();
        String dnsKey = secret();
        String vk = virtualKey();
        try (MockProvider mock = MockProvider.start()) {
            String byAddress = provider(mock.openAiBaseUrl(), key);
            String byName = provider("http://localhost:" + mock.port() + "/v1", dnsKey);
            assertEquals(200, post("/v1/chat/completions", vk, chat(byAddress + "/gpt-4o")).status(),
                    "a first call leaves a pooled connection to the mock");
            int before = mock.count();

            withDeniedHosts(List.of("127.0.0.0/8", "::1"), () -> {
                for (String provider : new String[] {byAddress, byName}) {
                    Reply refused = post("/v1/chat/completions", vk, chat(provider + "/gpt-4o"));

                    assertEquals(502, refused.status(), refused.toString());
                    JsonObject error = refused.json().getJsonObject("error");
                    assertEquals("upstream_error", error.getString("type"));
                    assertTrue(error.getString("message").endsWith("the provider's address is not allowed"),
                            refused.toString());
                    for (String internal : new String[] {"127.0.0.1", "localhost", String.valueOf(mock.port()),
                        "provider_hosts", "Exception", "::1"}) {
                        assertFalse(refused.body().contains(internal), internal + " in " + refused);
                    }
                    assertNoSecret(refused.body());
                }
                assertEquals(before, mock.count(), "the mock was not called");
                String later = unique("egress-late");
                assertProblem(admin("POST", "/api/providers", providerBody(later, mock.openAiBaseUrl(), key)
                        .build()), "base_url");
                assertFalse(providerNames().contains(later));
            });

            String log = messagesLog();
            assertTrue(log.contains("provider host localhost resolves to"), "the DNS name was refused on its address");
            Reply again = post("/v1/chat/completions", vk, chat(byAddress + "/gpt-4o"));
            assertEquals(200, again.status(), "restored: " + again);
            assertEquals(before + 1, mock.count());
        }
    }

    @Test
    void redirectFromProvider_notFollowed() throws IOException {
        String key = secret();
        AtomicInteger redirected = new AtomicInteger();
        HttpServer redirector = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        redirector.createContext("/", exchange -> {
            redirected.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", MOCK.openAiBaseUrl() + "/chat/completions");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirector.start();
        try {
            String name = provider("http://127.0.0.1:" + redirector.getAddress().getPort() + "/v1", key);

            Reply reply = post("/v1/chat/completions", virtualKey(), chat(name + "/gpt-4o"));

            assertTrue(reply.status() == 302 || reply.status() == 502, reply.toString());
            assertEquals(1, redirected.get());
            assertEquals(0, withKey(MOCK, key), "the redirect target never saw the key");
            assertNoSecret(reply.body());
        } finally {
            redirector.stop(0);
        }
    }

    @Test
    void regexModelFilter_catastrophicPatternOnLongModelName_answersPromptly() {
        String key = secret();
        String name = provider(MOCK.openAiBaseUrl(), key);
        String vk = virtualKey(object().add("name", unique("egress-re2")).add("provider_configs", array(object()
                .add("provider", name).add("allowed_models", strings("regex:(a+)+$")))).build());
        String hostile = "a".repeat(50_000) + "!";

        Reply refused = post("/v1/chat/completions", vk, chat(name + "/" + hostile));
        Reply allowed = post("/v1/chat/completions", vk, chat(name + "/aaaa"));

        assertTrue(refused.status() == 400 || refused.status() == 403, refused.toString());
        assertEquals(200, allowed.status(), allowed.toString());
        assertEquals(1, withKey(MOCK, key), "only the allowed model reached the provider");
    }

    @Test
    void regexModelFilter_notRe2OrTooLarge_400NamingTheEntry() {
        String name = provider(MOCK.openAiBaseUrl(), secret());
        String[] patterns = {"regex:(?=gpt)gpt.*", "regex:(a)\\1", "regex:((a{1000}){1000}){1000}"};
        for (String pattern : patterns) {
            String vkName = unique("egress-re2-bad");
            Reply reply = admin("POST", "/api/virtual-keys", object().add("name", vkName)
                    .add("provider_configs", array(object().add("provider", name)
                            .add("allowed_models", strings("gpt-4o", pattern)))).build());

            assertProblem(reply, "provider_configs[0].allowed_models[1]");
            assertFalse(listed("/api/virtual-keys", vkName), pattern);
        }
        Reply keyModels = admin("POST", "/api/providers/" + name + "/keys", object().add("name", "k2")
                .add("value", secret()).add("models", strings("regex:(?<!x)y")).build());
        assertProblem(keyModels, "models[0]");
    }

    @Test
    void adminNames_controlCharacters_400AndNothingStored() {
        String provider = provider(MOCK.openAiBaseUrl(), secret());
        String customer = admin("POST", "/api/customers", object().add("name", unique("egress-c")).build()).json()
                .getString("id");
        String bad = unique("egress") + "\nforged log line";
        Object[][] cases = {
            {"/api/customers", object().add("name", bad), "name"},
            {"/api/teams", object().add("name", unique("egress") + "\u001b[31m").add("customer_id", customer),
                "name"},
            {"/api/virtual-keys", object().add("name", unique("egress") + "\u2028"), "name"},
            {"/api/model-configs", object().add("name", unique("egress-mc")).add("model", "gpt\u0000"), "model"},
            {"/api/routing/rules", object().add("name", unique("egress") + "\r").add("enabled", false)
                .add("cel_expression", "headers[\"x-egress-never\"] == \"yes\"")
                .add("targets", array(object().add("provider", provider).add("weight", 1))), "name"},
            {"/api/pricing", object().add("provider", provider).add("model", "gpt\u007f4o")
                .add("input_per_million", 1).add("output_per_million", 1), "model"},
            {"/api/providers/" + provider + "/keys", object().add("name", "k\tx").add("value", secret()), "name"},
            {"/api/providers", providerBody(unique("egress"), MOCK.openAiBaseUrl(), secret())
                .add("models", strings("gpt-4o", "mini\u2029")), "models[1]"},
        };
        for (Object[] c : cases) {
            String collection = (String) c[0];
            JsonObject body = ((JsonObjectBuilder) c[1]).build();
            Reply reply = admin("POST", collection, body);

            assertProblem(reply, (String) c[2]);
            if (body.containsKey("name") && !collection.contains("/keys")) {
                assertFalse(listed(collection, body.getString("name")), collection);
            }
        }
        Reply providerWithSlash = admin("POST", "/api/providers", providerBody("egress/" + unique("x"),
                MOCK.openAiBaseUrl(), secret()).build());
        assertProblem(providerWithSlash, "name");
        assertEquals(1, admin("GET", "/api/providers/" + provider + "/keys").json().getJsonArray("data").size());
    }

    @Test
    void config_badHostEntries_400NamingTheEntryAndConfigUnchanged() {
        JsonObject before = admin("GET", "/api/config").json();
        Object[][] cases = {
            {"provider_hosts_allowed", strings("api.openai.com", "api.openai.com:443"), "provider_hosts_allowed[1]"},
            {"provider_hosts_denied", strings("10.0.0.1/8"), "provider_hosts_denied[0]"},
            {"provider_hosts_denied", strings("https://evil.example"), "provider_hosts_denied[0]"},
            {"provider_hosts_allowed", strings("2852039166"), "provider_hosts_allowed[0]"},
        };
        for (Object[] c : cases) {
            Reply reply = admin("PUT", "/api/config", object().add((String) c[0], (JsonValue) c[1]).build());

            assertProblem(reply, (String) c[2]);
        }
        assertEquals(before, admin("GET", "/api/config").json());
    }

    private static boolean listed(String collection, String name) {
        Reply list = admin("GET", collection);
        assertEquals(200, list.status(), list.toString());
        return list.json().getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .anyMatch(item -> item.containsKey("name") && item.get("name") instanceof jakarta.json.JsonString s
                        && s.getString().equals(name));
    }

    @AfterAll
    static void serverLog_holdsNoKeyValue() throws IOException {
        assertNoSecret(messagesLog());
    }
}
