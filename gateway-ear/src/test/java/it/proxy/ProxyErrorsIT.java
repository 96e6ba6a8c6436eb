package it.proxy;

import static it.proxy.DataPlane.MOCK;
import static it.proxy.DataPlane.call;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error row of API.md §1 that the data plane answers today, in the OpenAI shape. */
class ProxyErrorsIT {

    private static void assertError(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.toString());
        JsonObject error = reply.json().getJsonObject("error");
        assertEquals(type, error.getString("type"), reply.toString());
        assertTrue(error.containsKey("message") && error.containsKey("code") && error.containsKey("param"));
        assertFalse(reply.body().contains("Exception"), "no stack trace: " + reply);
    }

    @Test
    void chat_noVirtualKey_401() {
        assertError(post("/v1/chat/completions", chat("gpt-4o").toString(), Map.of()), 401, "authentication_error");
    }

    @Test
    void chat_unknownVirtualKey_401() {
        assertError(post("/v1/chat/completions", "sk-iris-unknown00000000000000000000000000", chat("gpt-4o")), 401,
                "authentication_error");
    }

    @Test
    void chat_expiredVirtualKey_403() {
        String vk = virtualKey(object().add("name", unique("old")).add("expires_at", "2020-01-01T00:00:00Z").build());
        assertError(post("/v1/chat/completions", vk, chat("gpt-4o")), 403, "virtual_key_blocked");
    }

    @Test
    void chat_providerNotInVirtualKeyConfigs_403ProviderBlocked() {
        String allowed = provider("openai", scriptedKey(""));
        String other = provider("openai", scriptedKey(""));
        String vk = virtualKey(object().add("name", unique("vk"))
                .add("provider_configs", array(object().add("provider", allowed))).build());
        assertError(post("/v1/chat/completions", vk, chat(other + "/gpt-4o")), 403, "provider_blocked");
    }

    @Test
    void chat_modelNotAllowed_403ModelBlocked() {
        String provider = provider("openai", scriptedKey(""));
        String vk = virtualKey(object().add("name", unique("vk")).add("provider_configs", array(object()
                .add("provider", provider).add("allowed_models", strings("gpt-4o-mini")))).build());
        assertError(post("/v1/chat/completions", vk, chat(provider + "/gpt-4o")), 403, "model_blocked");
    }

    @Test
    void chat_modelNowhere_400ModelNotFound() {
        assertError(post("/v1/chat/completions", virtualKey(), chat("no-such-model-" + unique("m"))), 400,
                "model_not_found");
    }

    @Test
    void chat_malformedJsonOrMissingModel_400() {
        String vk = virtualKey();
        assertError(post("/v1/chat/completions", "{\"model\": ", Map.of("Authorization", "Bearer " + vk)), 400,
                "invalid_request_error");
        assertError(post("/v1/chat/completions", vk, object().add("messages", array()).build()), 400,
                "invalid_request_error");
        assertError(post("/v1/chat/completions", vk, object().add("model", 5).build()), 400,
                "invalid_request_error");
    }

    @Test
    void chat_bodyOverLimit_413() {
        String big = "{\"model\":\"gpt-4o\",\"pad\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        assertError(post("/v1/chat/completions", big, Map.of("Authorization", "Bearer " + virtualKey())), 413,
                "invalid_request_error");
    }

    @Test
    void chat_upstream503_502UpstreamError() {
        String provider = provider("openai", scriptedKey("status=503"));
        assertError(post("/v1/chat/completions", virtualKey(), chat(provider + "/gpt-4o")), 502, "upstream_error");
    }

    @Test
    void chat_upstream429_429WithRetryAfter() {
        String provider = provider("openai", scriptedKey("status=429;retry_after=7"));
        HttpResponse<String> response = call("POST", "/v1/chat/completions", chat(provider + "/gpt-4o").toString(),
                Map.of("Authorization", "Bearer " + virtualKey()));
        assertEquals(429, response.statusCode(), response.body());
        assertEquals("7", response.headers().firstValue("retry-after").orElseThrow());
    }

    @Test
    void chat_upstreamSlowerThanTimeout_504() {
        String provider = provider("openai", scriptedKey("delay_ms=6000"));
        assertError(post("/v1/chat/completions", virtualKey(), chat(provider + "/gpt-4o")), 504, "upstream_timeout");
    }

    @Test
    void chat_upstreamRejectsKey_errorWithoutTheKey() {
        String key = scriptedKey("status=401");
        String provider = provider("openai", key);
        Reply reply = post("/v1/chat/completions", virtualKey(), chat(provider + "/gpt-4o"));
        assertEquals(401, reply.status(), reply.toString());
        assertFalse(reply.body().contains(key), "an upstream key must never reach the client");
    }

    @Test
    void chat_firstTarget503_fallbackServesWithIndexOne() {
        String failing = provider("openai", scriptedKey("status=503"));
        String healthyKey = scriptedKey("");
        String healthy = provider("openai", healthyKey);
        JsonObject body = object().add("model", failing + "/gpt-4o").add("fallbacks", strings(healthy + "/"))
                .add("messages", array(object().add("role", "user").add("content", "hi"))).build();

        HttpResponse<String> response = call("POST", "/v1/chat/completions", body.toString(),
                Map.of("Authorization", "Bearer " + virtualKey()));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("1", response.headers().firstValue("x-iris-fallback-index").orElseThrow());
        assertEquals(healthy, response.headers().firstValue("x-iris-provider").orElseThrow());
        assertEquals("gpt-4o", MOCK.requestsWithKey(healthyKey).get(0).json().getString("model"));
    }

    @Test
    void chat_upstream400_notFallenBack() {
        String failingKey = scriptedKey("status=400");
        String failing = provider("openai", failingKey);
        String unusedKey = scriptedKey("");
        String unused = provider("openai", unusedKey);
        JsonObject body = object().add("model", failing + "/gpt-4o").add("fallbacks", strings(unused + "/"))
                .add("messages", array(object().add("role", "user").add("content", "hi"))).build();

        Reply reply = post("/v1/chat/completions", virtualKey(), body);

        assertEquals(400, reply.status(), reply.toString());
        assertEquals(0, MOCK.requestsWithKey(unusedKey).size());
    }

    @Test
    void unknownDataPlanePath_404InOpenAiShape() {
        assertError(post("/v1/nothing", "{}", Map.of()), 404, "not_found_error");
    }

    @Test
    void providerListsNoKeys_adminReadDoesNotShowKeyValue() {
        String key = scriptedKey("");
        String provider = provider("openai", key);
        assertFalse(admin("GET", "/api/providers/" + provider).body().contains(key));
    }
}
