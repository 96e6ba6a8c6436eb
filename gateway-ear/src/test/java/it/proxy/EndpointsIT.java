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
import static it.support.Gateway.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import it.support.mock.RecordedRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Completions, embeddings, models, Azure and Anthropic: each endpoint and adapter end to end. */
class EndpointsIT {

    @Test
    void completions_legacy_forwardedToCompletionsPath() {
        String key = scriptedKey("");
        String provider = provider("openai", key);
        Reply reply = post("/v1/completions", virtualKey(), object().add("model", provider + "/gpt-4o")
                .add("prompt", "Say hello").build());
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("text_completion", reply.json().getString("object"));
        assertEquals("/v1/completions", MOCK.requestsWithKey(key).get(0).path());
    }

    @Test
    void embeddings_stringInput_vectorsReturned() {
        String key = scriptedKey("");
        String provider = provider("openai", key);
        Reply reply = post("/v1/embeddings", virtualKey(), object().add("model", provider + "/gpt-4o")
                .add("input", "hello").build());
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(1, reply.json().getJsonArray("data").size());
        assertEquals("/v1/embeddings", MOCK.requestsWithKey(key).get(0).path());
    }

    @Test
    void models_listAndOne_onlyWhatTheKeyMayUse() {
        String allowed = provider("openai", scriptedKey(""));
        String other = provider("openai", scriptedKey(""));
        String vk = virtualKey(object().add("name", unique("vk")).add("provider_configs", array(object()
                .add("provider", allowed).add("allowed_models", strings("gpt-4o"))))
                .add("allow_all_providers", false).build());

        HttpResponse<String> list = call("GET", "/v1/models", null, Map.of("Authorization", "Bearer " + vk));

        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"" + allowed + "/gpt-4o\""), list.body());
        assertFalse(list.body().contains(allowed + "/claude-3-5-haiku"), list.body());
        assertFalse(list.body().contains(other + "/"), list.body());
        assertEquals(200, call("GET", "/v1/models/" + allowed + "/gpt-4o", null,
                Map.of("Authorization", "Bearer " + vk)).statusCode());
        assertEquals(404, call("GET", "/v1/models/" + other + "/gpt-4o", null,
                Map.of("Authorization", "Bearer " + vk)).statusCode());
        assertEquals(401, call("GET", "/v1/models", null, Map.of()).statusCode());
    }

    @Test
    void azure_chat_deploymentPathApiVersionAndApiKeyHeader() {
        String key = scriptedKey("");
        String provider = provider("azure", key);
        Reply reply = post("/v1/chat/completions", virtualKey(), chat(provider + "/gpt-4o"));
        assertEquals(200, reply.status(), reply.toString());
        RecordedRequest seen = MOCK.requestsWithKey(key).get(0);
        assertEquals("/openai/deployments/gpt-4o/chat/completions", seen.path());
        assertEquals("2024-10-21", seen.queryParam("api-version").orElseThrow());
        assertEquals(key, seen.header("api-key").orElseThrow());
        assertTrue(seen.header("authorization").isEmpty(), "azure takes api-key, not a bearer token");
    }

    @Test
    void messages_anthropicProvider_passesThroughNatively() {
        String key = scriptedKey("");
        String provider = provider("anthropic", key);
        JsonObject body = object().add("model", provider + "/claude-3-5-haiku").add("max_tokens", 100)
                .add("messages", array(object().add("role", "user").add("content", "Say hello"))).build();

        Reply reply = post("/anthropic/v1/messages", body.toString(), Map.of("x-api-key", virtualKey(),
                "anthropic-version", "2023-06-01"));

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("message", reply.json().getString("type"));
        RecordedRequest seen = MOCK.requestsWithKey(key).get(0);
        assertEquals("/v1/messages", seen.path());
        assertEquals("claude-3-5-haiku", seen.json().getString("model"));
        assertEquals(key, seen.header("x-api-key").orElseThrow());
    }

    @Test
    void chat_anthropicProvider_translatedBothWays() {
        String key = scriptedKey("");
        String provider = provider("anthropic", key);
        JsonObject body = object().add("model", provider + "/claude-3-5-haiku")
                .add("messages", array(object().add("role", "system").add("content", "Be brief"),
                        object().add("role", "user").add("content", "Say hello"))).build();

        Reply reply = post("/v1/chat/completions", virtualKey(), body);

        assertEquals(200, reply.status(), reply.toString());
        JsonObject answer = reply.json();
        assertEquals("chat.completion", answer.getString("object"));
        assertEquals("Hello from mock claude-3-5-haiku", answer.getJsonArray("choices").getJsonObject(0)
                .getJsonObject("message").getString("content"));
        assertEquals("stop", answer.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
        assertTrue(answer.getJsonObject("usage").getInt("prompt_tokens") > 0);
        JsonObject seen = MOCK.requestsWithKey(key).get(0).json();
        assertEquals("Be brief", seen.getString("system"));
        assertTrue(seen.getInt("max_tokens") > 0);
    }

    @Test
    void chatStream_anthropicProvider_translatedToChunksEndingWithDone() {
        String provider = provider("anthropic", scriptedKey(""));
        JsonObject body = object().add("model", provider + "/claude-3-5-haiku").add("stream", true)
                .add("messages", array(object().add("role", "user").add("content", "Say hello"))).build();

        HttpResponse<String> response = call("POST", "/v1/chat/completions", body.toString(),
                Map.of("Authorization", "Bearer " + virtualKey()));

        assertEquals(200, response.statusCode(), response.body());
        List<String> data = response.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6))
                .toList();
        assertEquals("[DONE]", data.get(data.size() - 1));
        String text = data.stream().filter(d -> d.contains("\"content\""))
                .map(d -> jakarta.json.Json.createReader(new java.io.StringReader(d)).readObject())
                .flatMap(o -> o.getJsonArray("choices").stream())
                .map(c -> c.asJsonObject().getJsonObject("delta"))
                .filter(d -> d.containsKey("content") && d.get("content").getValueType() == JsonValue.ValueType.STRING)
                .map(d -> d.getString("content")).reduce("", String::concat);
        assertEquals("Hello from mock claude-3-5-haiku", text);
    }

    @Test
    void messages_openAiProvider_translatedToChatAndBack() {
        String key = scriptedKey("");
        String provider = provider("openai", key);
        JsonObject body = object().add("model", provider + "/gpt-4o").add("max_tokens", 50)
                .add("system", "Be brief")
                .add("messages", array(object().add("role", "user").add("content", "Say hello"))).build();

        Reply reply = post("/anthropic/v1/messages", body.toString(), Map.of("x-api-key", virtualKey()));

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("message", reply.json().getString("type"));
        assertEquals("Hello from mock gpt-4o", reply.json().getJsonArray("content").getJsonObject(0)
                .getString("text"));
        RecordedRequest seen = MOCK.requestsWithKey(key).get(0);
        assertEquals("/v1/chat/completions", seen.path());
        assertEquals("system", seen.json().getJsonArray("messages").getJsonObject(0).getString("role"));
    }

    @Test
    void messages_errorInAnthropicShape() {
        Reply reply = post("/anthropic/v1/messages", "{}", Map.of());
        assertEquals(401, reply.status());
        assertEquals("error", reply.json().getString("type"));
        assertEquals("authentication_error", reply.json().getJsonObject("error").getString("type"));
    }
}
