package it.proxy;

import static it.proxy.DataPlane.call;
import static it.proxy.DataPlane.post;
import static it.proxy.DataPlane.provider;
import static it.proxy.DataPlane.scriptedKey;
import static it.proxy.DataPlane.virtualKey;
import static it.support.Bodies.array;
import static it.support.Bodies.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Gateway.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenAI chat ⇄ Anthropic Messages through the gateway: tool calls and streams, both directions. */
class TranslationIT {

    private static JsonObject weatherQuestion(String model, boolean stream) {
        return object().add("model", model).add("stream", stream).add("max_tokens", 100)
                .add("messages", array(object().add("role", "user").add("content", "Weather in Paris?"))).build();
    }

    @Test
    void chat_anthropicToolUse_becomesOpenAiToolCall() {
        String provider = provider("anthropic", scriptedKey("fixture=tool_call"));

        Reply reply = post("/v1/chat/completions", virtualKey(), weatherQuestion(provider + "/claude-3-5-haiku",
                false));

        assertEquals(200, reply.status(), reply.toString());
        JsonObject choice = reply.json().getJsonArray("choices").getJsonObject(0);
        assertEquals("tool_calls", choice.getString("finish_reason"));
        JsonObject call = choice.getJsonObject("message").getJsonArray("tool_calls").getJsonObject(0);
        assertEquals("get_weather", call.getJsonObject("function").getString("name"));
        assertEquals("Paris", Json.createReader(new StringReader(call.getJsonObject("function")
                .getString("arguments"))).readObject().getString("city"));
    }

    @Test
    void messages_openAiToolCall_becomesAnthropicToolUse() {
        String provider = provider("openai", scriptedKey("fixture=tool_call"));

        Reply reply = post("/anthropic/v1/messages", weatherQuestion(provider + "/gpt-4o", false).toString(),
                Map.of("x-api-key", virtualKey()));

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("tool_use", reply.json().getString("stop_reason"));
        JsonObject block = reply.json().getJsonArray("content").stream().map(v -> v.asJsonObject())
                .filter(b -> b.getString("type").equals("tool_use")).findFirst().orElseThrow();
        assertEquals("get_weather", block.getString("name"));
        assertEquals("Paris", block.getJsonObject("input").getString("city"));
    }

    @Test
    void messagesStream_openAiProvider_anthropicEventSequence() {
        String provider = provider("openai", scriptedKey(""));

        HttpResponse<String> response = call("POST", "/anthropic/v1/messages",
                weatherQuestion(provider + "/gpt-4o", true).toString(), Map.of("x-api-key", virtualKey()));

        assertEquals(200, response.statusCode(), response.body());
        List<String> events = response.body().lines().filter(l -> l.startsWith("event: "))
                .map(l -> l.substring(7)).toList();
        assertEquals("message_start", events.get(0));
        assertEquals("message_stop", events.get(events.size() - 1));
        assertTrue(events.contains("content_block_delta") && events.contains("message_delta"), events.toString());
        String text = response.body().lines().filter(l -> l.startsWith("data: ") && l.contains("text_delta"))
                .map(l -> Json.createReader(new StringReader(l.substring(6))).readObject()
                        .getJsonObject("delta").getString("text"))
                .reduce("", String::concat);
        assertEquals("Hello from mock gpt-4o", text);
    }

    @Test
    void messagesStream_anthropicProvider_passedThroughNatively() {
        String provider = provider("anthropic", scriptedKey(""));

        HttpResponse<String> response = call("POST", "/anthropic/v1/messages",
                weatherQuestion(provider + "/claude-3-5-haiku", true).toString(),
                Map.of("x-api-key", virtualKey(), "anthropic-version", "2023-06-01"));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("event: message_start"), response.body());
        assertTrue(response.body().contains("event: message_stop"), response.body());
    }
}
