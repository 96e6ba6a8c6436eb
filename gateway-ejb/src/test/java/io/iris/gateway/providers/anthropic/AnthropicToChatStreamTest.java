package io.iris.gateway.providers.anthropic;

import static io.iris.gateway.providers.anthropic.Wire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.providers.Usage;
import io.iris.gateway.providers.sse.SseEvent;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicToChatStreamTest {

    private static List<JsonObject> translate(AnthropicToChatStream stream, List<SseEvent> events) {
        List<JsonObject> chunks = new ArrayList<>();
        for (SseEvent event : events) {
            stream.onEvent(event).forEach(chunk -> chunks.add(json(chunk)));
        }
        return chunks;
    }

    private static SseEvent event(String type, String json) {
        return new SseEvent(type, json);
    }

    @Test
    void onEvent_sampleStreamWithTextAndToolUse_openAiChunks() {
        AnthropicToChatStream stream = new AnthropicToChatStream("anthropic/claude", true);
        List<JsonObject> chunks = translate(stream, StreamSamples.anthropicEvents(7));

        List<String> expectedChoices = List.of(
                "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]",
                "[{\"index\":0,\"delta\":{\"content\":\"Okay\"},\"finish_reason\":null}]",
                "[{\"index\":0,\"delta\":{\"content\":\", let\u2019s check.\"},\"finish_reason\":null}]",
                "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"toolu_01T1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]},\"finish_reason\":null}]",
                "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                        + "\"{\\\"location\\\":\"}}]},\"finish_reason\":null}]",
                "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                        + "\" \\\"San Francisco, CA\\\"}\"}}]},\"finish_reason\":null}]",
                "[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]",
                "[]");
        assertEquals(expectedChoices.size(), chunks.size());
        JsonObject first = chunks.get(0);
        assertEquals("chatcmpl-msg_014p7", first.getString("id"));
        for (int i = 0; i < chunks.size(); i++) {
            JsonObject chunk = chunks.get(i);
            assertEquals(json("{\"c\":" + expectedChoices.get(i) + "}").get("c"), chunk.get("choices"), "chunk " + i);
            assertEquals(first.get("id"), chunk.get("id"));
            assertEquals(first.get("created"), chunk.get("created"));
            assertEquals("chat.completion.chunk", chunk.getString("object"));
            assertEquals("anthropic/claude", chunk.getString("model"));
        }
        assertEquals(json("""
                {"prompt_tokens":500,"completion_tokens":89,"total_tokens":589,
                 "prompt_tokens_details":{"cached_tokens":28}}"""), chunks.get(7).getJsonObject("usage"));
        assertEquals(new Usage(500, 89), stream.usage());
        assertTrue(stream.completed());
        assertFalse(stream.failed());
    }

    @Test
    void onEvent_includeUsageFalse_noUsageChunkButCompleted() {
        AnthropicToChatStream stream = new AnthropicToChatStream("m", false);
        List<JsonObject> chunks = translate(stream, StreamSamples.anthropicEvents(4096));
        assertEquals(7, chunks.size());
        assertTrue(chunks.stream().noneMatch(c -> c.containsKey("usage")));
        assertTrue(stream.completed());
        assertEquals(new Usage(500, 89), stream.usage());
    }

    @Test
    void onEvent_twoToolUseBlocks_toolCallIndicesCountOnlyTools() {
        AnthropicToChatStream stream = new AnthropicToChatStream("m", false);
        List<JsonObject> chunks = translate(stream, List.of(
                event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"m1\",\"usage\":{}}}"),
                event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}"),
                event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hmm\"}}"),
                event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,"
                        + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"a\",\"name\":\"f\",\"input\":{}}}"),
                event("content_block_start", "{\"type\":\"content_block_start\",\"index\":2,"
                        + "\"content_block\":{\"type\":\"tool_use\",\"id\":\"b\",\"name\":\"g\",\"input\":{}}}"),
                event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":2,"
                        + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{}\"}}")));
        assertEquals(4, chunks.size());
        assertEquals(0, toolCall(chunks.get(1)).getInt("index"));
        assertEquals(1, toolCall(chunks.get(2)).getInt("index"));
        assertEquals("b", toolCall(chunks.get(2)).getString("id"));
        assertEquals(1, toolCall(chunks.get(3)).getInt("index"));
        assertEquals("{}", toolCall(chunks.get(3)).getJsonObject("function").getString("arguments"));
    }

    private static JsonObject toolCall(JsonObject chunk) {
        return chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta")
                .getJsonArray("tool_calls").getJsonObject(0);
    }

    @Test
    void onEvent_maxTokensStop_lengthFinishReason() {
        AnthropicToChatStream stream = new AnthropicToChatStream("m", false);
        List<JsonObject> chunks = translate(stream, List.of(event("message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\"},\"usage\":{\"output_tokens\":5}}")));
        assertEquals("length", chunks.get(0).getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
        assertTrue(chunks.get(0).getString("id").startsWith("chatcmpl-"));
        assertEquals(new Usage(0, 5), stream.usage());
    }

    @Test
    void onEvent_errorEvent_failedWithMessageAndNothingEmitted() {
        AnthropicToChatStream stream = new AnthropicToChatStream("m", true);
        List<String> out = stream.onEvent(event("error",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
        assertEquals(List.of(), out);
        assertTrue(stream.failed());
        assertEquals("Overloaded", stream.errorMessage());
        assertEquals("overloaded_error", stream.errorType());
        assertFalse(stream.completed());
    }

    @Test
    void onEvent_pingUnknownAndNonJson_nothing() {
        AnthropicToChatStream stream = new AnthropicToChatStream("m", true);
        assertEquals(List.of(), stream.onEvent(event("ping", "{\"type\":\"ping\"}")));
        assertEquals(List.of(), stream.onEvent(event("future_event", "{\"type\":\"future_event\"}")));
        assertEquals(List.of(), stream.onEvent(event(null, "not json")));
        assertFalse(stream.failed());
        assertNull(stream.errorMessage());
        assertEquals(Usage.NONE, stream.usage());
    }

    @Test
    void onEvent_dataWithoutType_eventNameUsed() {
        AnthropicToChatStream stream = new AnthropicToChatStream("m", false);
        stream.onEvent(event("message_stop", "{}"));
        assertTrue(stream.completed());
    }
}
