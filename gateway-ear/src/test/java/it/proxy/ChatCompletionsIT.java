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
import it.support.mock.RecordedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/chat/completions} against an OpenAI-compatible upstream, JSON and streaming. */
class ChatCompletionsIT {

    @Test
    void chat_providerSlashModel_forwardsBodyWithModelRewrittenAndProviderAuth() {
        String key = scriptedKey("");
        String provider = provider("openai", key);
        String vk = virtualKey();
        JsonObject body = object().add("model", provider + "/gpt-4o")
                .add("messages", array(object().add("role", "user").add("content", "Say hello")))
                .add("x_custom_field", object().add("keep", true))
                .add("fallbacks", strings(provider + "/gpt-4o"))
                .add("temperature", 0.2).build();

        HttpResponse<String> response = call("POST", "/v1/chat/completions", body.toString(),
                Map.of("Authorization", "Bearer " + vk, "x-request-id", "req-123"));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("Hello from mock gpt-4o", answer.getJsonArray("choices").getJsonObject(0)
                .getJsonObject("message").getString("content"));
        assertEquals("req-123", response.headers().firstValue("x-request-id").orElseThrow());
        assertEquals(provider, response.headers().firstValue("x-iris-provider").orElseThrow());
        assertEquals("gpt-4o", response.headers().firstValue("x-iris-model").orElseThrow());
        assertEquals("0", response.headers().firstValue("x-iris-fallback-index").orElseThrow());

        RecordedRequest seen = MOCK.requestsWithKey(key).get(0);
        assertEquals("/v1/chat/completions", seen.path());
        assertEquals("Bearer " + key, seen.header("authorization").orElseThrow());
        assertEquals("gpt-4o", seen.json().getString("model"));
        assertTrue(seen.json().getJsonObject("x_custom_field").getBoolean("keep"));
        assertFalse(seen.json().containsKey("fallbacks"), "the gateway's own field must be stripped");
        assertFalse(seen.body().contains(vk), "the virtual key must not reach the upstream");
    }

    @Test
    void chat_bareModel_resolvedToProviderListingIt() {
        String key = scriptedKey("");
        String provider = provider("openai", key);
        String vk = virtualKey(object().add("name", unique("vk"))
                .add("provider_configs", array(object().add("provider", provider))).build());

        Reply reply = post("/v1/chat/completions", vk, chat("gpt-4o"));

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(1, MOCK.requestsWithKey(key).size());
    }

    @Test
    void chat_stream_passesEventsThroughEndingWithDone() {
        String key = scriptedKey("");
        String provider = provider("openai", key);
        String vk = virtualKey();
        JsonObject body = object().add("model", provider + "/gpt-4o").add("stream", true)
                .add("stream_options", object().add("include_usage", true))
                .add("messages", array(object().add("role", "user").add("content", "Say hello"))).build();

        HttpResponse<String> response = call("POST", "/v1/chat/completions", body.toString(),
                Map.of("Authorization", "Bearer " + vk));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        List<String> data = response.body().lines().filter(l -> l.startsWith("data: "))
                .map(l -> l.substring(6)).toList();
        assertEquals("[DONE]", data.get(data.size() - 1));
        StringBuilder text = new StringBuilder();
        for (String chunk : data.subList(0, data.size() - 1)) {
            JsonObject json = Json.createReader(new StringReader(chunk)).readObject();
            assertEquals("chat.completion.chunk", json.getString("object"));
            json.getJsonArray("choices").forEach(c -> {
                JsonObject delta = c.asJsonObject().getJsonObject("delta");
                if (delta.containsKey("content") && !delta.isNull("content")) {
                    text.append(delta.getString("content"));
                }
            });
        }
        assertEquals("Hello from mock gpt-4o", text.toString());
        assertTrue(data.stream().anyMatch(d -> d.contains("\"usage\"") && d.contains("prompt_tokens")));
    }

    @Test
    void chat_streamDroppedMidway_endsWithErrorEventNotDone() {
        String key = scriptedKey("drop_after=2");
        String provider = provider("openai", key);
        String vk = virtualKey();
        JsonObject body = object().add("model", provider + "/gpt-4o").add("stream", true)
                .add("messages", array(object().add("role", "user").add("content", "Say hello"))).build();

        HttpResponse<String> response = call("POST", "/v1/chat/completions", body.toString(),
                Map.of("Authorization", "Bearer " + vk));

        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("[DONE]"), response.body());
        assertTrue(response.body().contains("\"error\""), response.body());
    }

    @Test
    void chat_everyVirtualKeyHeaderStyle_accepted() {
        String provider = provider("openai", scriptedKey(""));
        String vk = virtualKey();
        for (String header : new String[] {"x-iris-vk", "x-api-key", "api-key"}) {
            Reply reply = post("/v1/chat/completions", chat(provider + "/gpt-4o").toString(), Map.of(header, vk));
            assertEquals(200, reply.status(), header + ": " + reply);
        }
    }

    @Test
    void chat_adminChangeToKey_visibleToNextRequest() {
        String provider = provider("openai", scriptedKey(""));
        JsonObject created = admin("POST", "/api/virtual-keys", object().add("name", unique("vk")).build()).json();
        String vk = created.getString("value");
        Reply before = post("/v1/chat/completions", vk, chat(provider + "/gpt-4o"));
        assertEquals(200, before.status());

        String id = created.getString("id");
        JsonObject current = admin("GET", "/api/virtual-keys/" + id).json();
        Reply disabled = admin("PUT", "/api/virtual-keys/" + id, Json.createObjectBuilder(current)
                .add("is_active", false).build());
        assertEquals(200, disabled.status(), disabled.toString());

        Reply after = post("/v1/chat/completions", vk, chat(provider + "/gpt-4o"));
        assertEquals(403, after.status(), after.toString());
        assertEquals("virtual_key_blocked", after.json().getJsonObject("error").getString("type"));
    }

    @Test
    void chat_streamStallsPastIdleTimeout_endsWithErrorEventNotDone() {
        String provider = provider("openai", scriptedKey("stall_after=2;stall_ms=15000"));
        JsonObject body = object().add("model", provider + "/gpt-4o").add("stream", true)
                .add("messages", array(object().add("role", "user").add("content", "Say hello"))).build();
        long started = System.nanoTime();

        HttpResponse<String> response = call("POST", "/v1/chat/completions", body.toString(),
                Map.of("Authorization", "Bearer " + virtualKey()));

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"error\""), response.body());
        assertFalse(response.body().contains("[DONE]"), response.body());
        assertTrue(seconds < 12, "the stream idle timeout (3 s) should end the stall, took " + seconds + " s");
    }

    @Test
    void chat_clientDisconnectsMidStream_upstreamCallCancelled() throws Exception {
        String key = scriptedKey("fixture=long;chunk_delay_ms=20");
        String provider = provider("openai", key);
        byte[] body = object().add("model", provider + "/gpt-4o").add("stream", true)
                .add("messages", array(object().add("role", "user").add("content", "Say hello"))).build()
                .toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.URI gateway = java.net.URI.create(it.support.Gateway.BASE_URL);

        // A raw socket, so that closing it really drops the connection mid-stream.
        try (java.net.Socket socket = new java.net.Socket(gateway.getHost(), gateway.getPort())) {
            String head = "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + virtualKey() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            assertTrue(socket.getInputStream().readNBytes(400).length == 400, "the stream should have started");
        }

        assertTrue(MOCK.requestsWithKey(key).get(0).awaitClientDisconnected(java.time.Duration.ofSeconds(15)),
                "the upstream stream should be cancelled when the client goes away");
    }
}
