package it.proxy;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retries and key rotation on one target (API.md §3), against the scripted mock: each test asserts what the client
 * got, the calls the mock received, and (where a wait is involved) the time taken.
 */
class ResilienceIT {
    /** How long an open circuit keeps its key out of selection on the IT server (gateway-ear's pom). */
    private static final long CIRCUIT_OPEN_MS = 4000;

    /** An OpenAI-type provider with the given keys, retrying up to {@code maxRetries} after 100 ms (cap 2 s). */
    private static String provider(int maxRetries, String... keyValues) {
        String name = unique("res");
        JsonArrayBuilder keys = jakarta.json.Json.createArrayBuilder();
        for (int i = 0; i < keyValues.length; i++) {
            keys.add(object().add("name", "k" + i).add("value", keyValues[i]));
        }
        Reply created = admin("POST", "/api/providers", object().add("name", name).add("type", "openai")
                .add("base_url", MOCK.openAiBaseUrl()).add("models", strings("gpt-4o")).add("keys", keys)
                .add("network", object().add("max_retries", maxRetries).add("retry_backoff_initial_ms", 100)
                        .add("retry_backoff_max_ms", 2000).add("request_timeout_ms", 1000)
                        .add("connect_timeout_ms", 1000)).build());
        assertEquals(201, created.status(), created.toString());
        return name;
    }

    /** The {@code /api/health/targets} entry of the provider's first key ("k0"). */
    private static JsonObject healthOfFirstKey(String provider) {
        JsonObject health = admin("GET", "/api/health/targets").json().getJsonArray("data")
                .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("provider").equals(provider))
                .findFirst().orElseThrow();
        return health.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getString("key_name").equals("k0")).findFirst().orElseThrow();
    }

    private static Reply send(String provider) {
        return post("/v1/chat/completions", virtualKey(), chat(provider + "/gpt-4o"));
    }

    @Test
    void chat_503ThenOk_oneRetryServes() {
        String key = scriptedKey("status=503;fail_times=1");
        String provider = provider(1, key);

        Reply reply = send(provider);

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(2, MOCK.requestsWithKey(key).size());
    }

    @Test
    void chat_503Always_retriesSpentThen502() {
        String key = scriptedKey("status=503");
        String provider = provider(2, key);

        long start = System.nanoTime();
        Reply reply = send(provider);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(502, reply.status(), reply.toString());
        assertEquals(3, MOCK.requestsWithKey(key).size(), "the first call and two retries");
        assertTrue(tookMs >= 50 + 100, "backoff of at least 50 ms then 100 ms, took " + tookMs + " ms");
    }

    @Test
    void chat_400_notRetried() {
        String key = scriptedKey("status=400");
        String provider = provider(3, key);

        Reply reply = send(provider);

        assertEquals(400, reply.status(), reply.toString());
        assertEquals(1, MOCK.requestsWithKey(key).size());
    }

    @Test
    void chat_429OnOneOfTwoKeys_servedByTheOtherAtOnce() {
        String limited = scriptedKey("status=429;retry_after=30");
        String healthy = scriptedKey("");
        String provider = provider(0, limited, healthy);

        for (int i = 0; i < 4; i++) {
            assertEquals(200, send(provider).status());
        }

        assertEquals(4, MOCK.requestsWithKey(healthy).size());
        assertTrue(MOCK.requestsWithKey(limited).size() <= 4);
    }

    @Test
    void chat_429WithShortRetryAfterOnTheOnlyKey_waitsAndRetries() {
        String key = scriptedKey("status=429;retry_after=1;fail_times=1");
        String provider = provider(1, key);

        long start = System.nanoTime();
        Reply reply = send(provider);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(2, MOCK.requestsWithKey(key).size());
        assertTrue(tookMs >= 1000, "waited Retry-After (1 s), took " + tookMs + " ms");
    }

    @Test
    void chat_revokedKey_movesToTheNextKeyWithoutCountingARetry() {
        String revoked = scriptedKey("status=401");
        String good = scriptedKey("");
        String provider = provider(0, revoked, good);

        for (int i = 0; i < 4; i++) {
            assertEquals(200, send(provider).status());
        }

        assertEquals(4, MOCK.requestsWithKey(good).size());
    }

    @Test
    void chat_everyKeyRevoked_firstErrorWithoutTheKey() {
        String first = scriptedKey("status=401");
        String second = scriptedKey("status=403");
        String provider = provider(2, first, second);

        Reply reply = send(provider);

        assertTrue(reply.status() == 401 || reply.status() == 403, reply.toString());
        assertTrue(!reply.body().contains(first) && !reply.body().contains(second));
        assertEquals(1, MOCK.requestsWithKey(first).size());
        assertEquals(1, MOCK.requestsWithKey(second).size());
    }

    @Test
    void chat_portClosed_retriedThenNextTargetServes() {
        String dead = unique("res-dead");
        assertEquals(201, admin("POST", "/api/providers", object().add("name", dead).add("type", "openai")
                .add("base_url", "http://127.0.0.1:1/v1").add("models", strings("gpt-4o"))
                .add("keys", array(object().add("name", "k").add("value", "sk-dead-" + unique("k"))))
                .add("network", object().add("max_retries", 1).add("retry_backoff_initial_ms", 50)
                        .add("connect_timeout_ms", 500)).build()).status());
        String backupKey = scriptedKey("");
        String backup = provider(0, backupKey);
        JsonObject body = object().add("model", dead + "/gpt-4o").add("fallbacks", strings(backup + "/"))
                .add("messages", array(object().add("role", "user").add("content", "hi"))).build();

        Reply reply = DataPlane.post("/v1/chat/completions", body.toString(),
                Map.of("Authorization", "Bearer " + virtualKey()));

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(1, MOCK.requestsWithKey(backupKey).size());
    }

    @Test
    void chat_oneOfThreeKeysAlways500_circuitOpensAfterFiveFailuresAndItGetsNoMoreTraffic() {
        String broken = scriptedKey("status=500");
        String a = scriptedKey("");
        String b = scriptedKey("");
        String provider = provider(2, broken, a, b);

        failUntilTheCircuitOpens(provider, broken);
        JsonObject brokenKey = healthOfFirstKey(provider);
        long openedAt = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            assertEquals(200, send(provider).status());
        }
        long elapsedMs = (System.nanoTime() - openedAt) / 1_000_000;

        assertEquals("open", brokenKey.getString("circuit"), "read right after the fifth failure");
        assertEquals(0.0, brokenKey.getJsonNumber("effective_weight").doubleValue());
        int calls = MOCK.requestsWithKey(broken).size();
        if (elapsedMs < CIRCUIT_OPEN_MS) {
            assertEquals(5, calls, "five failures in a row opened the circuit");
        } else {
            assertTrue(calls <= 6, "a slow run passed the cool-down: at most one half-open probe, got " + calls);
        }
    }

    @Test
    void chat_brokenKeyHealthyAgain_halfOpenProbeClosesTheCircuitAndItServesAgain() throws InterruptedException {
        String flaky = scriptedKey("status=500;fail_times=5");
        String healthy = scriptedKey("");
        String provider = provider(2, flaky, healthy);
        failUntilTheCircuitOpens(provider, flaky);
        assertEquals("open", healthOfFirstKey(provider).getString("circuit"));

        Thread.sleep(CIRCUIT_OPEN_MS + 200);
        assertEquals("half_open", healthOfFirstKey(provider).getString("circuit"), "cool-down over");
        for (int i = 0; i < 500 && MOCK.requestsWithKey(flaky).size() < 6; i++) {
            assertEquals(200, send(provider).status());
        }
        assertEquals(6, MOCK.requestsWithKey(flaky).size(), "one probe");
        assertEquals("closed", healthOfFirstKey(provider).getString("circuit"), "the probe succeeded");
        Thread.sleep(1200); // the weights are recomputed once a second
        for (int i = 0; i < 60; i++) {
            assertEquals(200, send(provider).status());
        }

        assertTrue(MOCK.requestsWithKey(flaky).size() > 6, "back in selection");
    }

    /**
     * Sends until {@code key} has failed five times (bounded; its weight also shrinks with its error rate, so it
     * is picked less and less), every request still served by a retry on a healthy key.
     */
    private static void failUntilTheCircuitOpens(String provider, String key) {
        for (int i = 0; i < 2000 && MOCK.requestsWithKey(key).size() < 5; i++) {
            assertEquals(200, send(provider).status(), "retried on a healthy key");
        }
        assertEquals(5, MOCK.requestsWithKey(key).size());
    }

    @Test
    void chat_keyTenTimesSlower_losesItsShareToTheFastKeys() throws InterruptedException {
        String slow = scriptedKey("delay_ms=150");
        String fast1 = scriptedKey("");
        String fast2 = scriptedKey("");
        String provider = provider(0, slow, fast1, fast2);
        for (int i = 0; i < 45; i++) {
            assertEquals(200, send(provider).status());
        }
        int slowBefore = MOCK.requestsWithKey(slow).size();
        Thread.sleep(1500);

        for (int i = 0; i < 60; i++) {
            assertEquals(200, send(provider).status());
        }

        int slowAfter = MOCK.requestsWithKey(slow).size() - slowBefore;
        assertTrue(slowAfter <= 12, "the slow key served " + slowAfter + " of 60 after its weight adapted"
                + " (a third would be 20)");
    }

    @Test
    void chat_upstreamHangsBeforeHeaders_504AfterTheRetryAlsoTimesOut() {
        String key = scriptedKey("delay_ms=4000");
        String provider = provider(1, key);

        long start = System.nanoTime();
        Reply reply = send(provider);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(504, reply.status(), reply.toString());
        assertEquals("upstream_timeout", reply.json().getJsonObject("error").getString("type"));
        assertEquals(2, MOCK.requestsWithKey(key).size(), "the first call and one retry");
        assertTrue(tookMs >= 2000 && tookMs < 3900, "two 1 s timeouts and a backoff, took " + tookMs + " ms");
    }

    @Test
    void chat_everyKeyFailing_firstErrorQuickly() {
        String provider = provider(2, scriptedKey("status=500"), scriptedKey("status=500"),
                scriptedKey("status=500"));

        long start = System.nanoTime();
        Reply reply = send(provider);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(502, reply.status(), reply.toString());
        assertTrue(tookMs < 2000, "retries bounded by max_retries and a 2 s backoff cap, took " + tookMs + " ms");
    }

    @Test
    void chat_fallbackChainWithAnUnconfiguredProvider_skipsIt() {
        String failing = provider(0, scriptedKey("status=503"));
        String backupKey = scriptedKey("");
        String backup = provider(0, backupKey);
        JsonObject body = object().add("model", failing + "/gpt-4o")
                .add("fallbacks", strings(unique("no-such-provider") + "/gpt-4o", backup + "/"))
                .add("messages", array(object().add("role", "user").add("content", "hi"))).build();

        java.net.http.HttpResponse<String> response = DataPlane.call("POST", "/v1/chat/completions",
                body.toString(), Map.of("Authorization", "Bearer " + virtualKey()));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(backup, response.headers().firstValue("x-iris-provider").orElseThrow());
        assertEquals("2", response.headers().firstValue("x-iris-fallback-index").orElseThrow());
        assertEquals(1, MOCK.requestsWithKey(backupKey).size());
    }

    @Test
    void chat_noFallbacksGivenAndTheTargetFails_theVirtualKeysOtherProviderConfigServes() {
        String failing = provider(0, scriptedKey("status=503"));
        String backupKey = scriptedKey("");
        String backup = provider(0, backupKey);
        String vk = DataPlane.virtualKey(object().add("name", unique("res-vk")).add("provider_configs", array(
                object().add("provider", failing).add("weight", 0.9).add("allowed_models", strings("*")),
                object().add("provider", backup).add("weight", 0.1).add("allowed_models", strings("*")))).build());

        java.net.http.HttpResponse<String> response = DataPlane.call("POST", "/v1/chat/completions",
                chat(failing + "/gpt-4o").toString(), Map.of("Authorization", "Bearer " + vk));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(backup, response.headers().firstValue("x-iris-provider").orElseThrow());
        assertEquals("1", response.headers().firstValue("x-iris-fallback-index").orElseThrow());
        assertEquals(1, MOCK.requestsWithKey(backupKey).size());
    }
}
