package io.iris.gateway.providers.anthropic;

import static io.iris.gateway.providers.anthropic.Wire.bytes;
import static io.iris.gateway.providers.anthropic.Wire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.providers.Usage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicResponsesTest {

    private static final String MESSAGE = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
             "content":[{"type":"thinking","thinking":"...","signature":"sig"},{"type":"text","text":"Let me check. "},
               {"type":"text","text":"One moment."},
               {"type":"tool_use","id":"toolu_1","name":"weather","input":{"city":"Paris"}}],
             "stop_reason":"tool_use","stop_sequence":null,
             "usage":{"input_tokens":10,"cache_creation_input_tokens":5,"cache_read_input_tokens":100,"output_tokens":20}}""";

    private static JsonObject toChatCompletion(String message) {
        return json(AnthropicResponses.toChatCompletion(bytes(message), "anthropic/claude"));
    }

    private static JsonObject toMessage(String completion) {
        return json(AnthropicResponses.toMessage(bytes(completion), "openai/gpt-4o"));
    }

    @Test
    void toChatCompletion_textAndToolUse_contentToolCallsAndUsage() {
        long before = Instant.now().getEpochSecond();
        JsonObject out = toChatCompletion(MESSAGE);
        long created = out.getJsonNumber("created").longValue();
        assertTrue(created >= before && created <= Instant.now().getEpochSecond(), "created " + created);
        JsonObject expected = json("""
                {"id":"chatcmpl-msg_01","object":"chat.completion","created":%d,"model":"anthropic/claude",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Let me check. One moment.",
                   "tool_calls":[{"id":"toolu_1","type":"function","function":{"name":"weather",
                     "arguments":"{\\"city\\":\\"Paris\\"}"}}]},"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":115,"completion_tokens":20,"total_tokens":135,
                   "prompt_tokens_details":{"cached_tokens":100}}}""".formatted(created));
        assertEquals(expected, out);
    }

    @Test
    void toChatCompletion_onlyToolUse_nullContent() {
        JsonObject message = toChatCompletion("""
                {"id":"m","content":[{"type":"tool_use","id":"t","name":"now","input":{}}],"stop_reason":"tool_use",
                 "usage":{"input_tokens":1,"output_tokens":2}}""")
                .getJsonArray("choices").getJsonObject(0).getJsonObject("message");
        assertEquals(JsonValue.NULL, message.get("content"));
        assertEquals("{}", message.getJsonArray("tool_calls").getJsonObject(0).getJsonObject("function")
                .getString("arguments"));
    }

    @Test
    void toChatCompletion_textOnlyWithoutCache_noToolCallsNoDetails() {
        JsonObject out = toChatCompletion("""
                {"id":"m","content":[{"type":"text","text":"Hi"}],"stop_reason":"end_turn",
                 "usage":{"input_tokens":3,"output_tokens":4}}""");
        assertFalse(out.getJsonArray("choices").getJsonObject(0).getJsonObject("message").containsKey("tool_calls"));
        assertEquals(json("{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":7}"), out.getJsonObject("usage"));
    }

    @ParameterizedTest
    @CsvSource({"end_turn,stop", "stop_sequence,stop", "max_tokens,length", "tool_use,tool_calls",
        "refusal,content_filter", "pause_turn,stop"})
    void toChatCompletion_stopReason_mappedFinishReason(String stopReason, String finishReason) {
        JsonObject out = toChatCompletion("{\"id\":\"m\",\"content\":[],\"stop_reason\":\"" + stopReason + "\"}");
        assertEquals(finishReason, out.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
    }

    @Test
    void toChatCompletion_notJson_throws() {
        assertThrows(IllegalArgumentException.class, () -> toChatCompletion("<html>"));
    }

    @Test
    void toMessage_textAndToolCalls_blocksStopReasonAndUsage() {
        JsonObject out = toMessage("""
                {"id":"chatcmpl-9","object":"chat.completion","created":1,"model":"gpt-4o","choices":[{"index":0,
                  "message":{"role":"assistant","content":"Checking.","tool_calls":[
                    {"id":"call_1","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                    {"id":"call_2","type":"function","function":{"name":"weather","arguments":"{broken"}}]},
                  "finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":30,"completion_tokens":7,"total_tokens":37,"prompt_tokens_details":{"cached_tokens":10}}}""");
        assertEquals(json("""
                {"id":"msg_chatcmpl-9","type":"message","role":"assistant","model":"openai/gpt-4o",
                 "content":[{"type":"text","text":"Checking."},
                   {"type":"tool_use","id":"call_1","name":"weather","input":{"city":"Paris"}},
                   {"type":"tool_use","id":"call_2","name":"weather","input":{}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":20,"cache_read_input_tokens":10,"output_tokens":7}}"""), out);
    }

    @ParameterizedTest
    @CsvSource({"stop,end_turn", "length,max_tokens", "tool_calls,tool_use", "content_filter,refusal",
        "function_call,tool_use", "other,end_turn"})
    void toMessage_finishReason_mappedStopReason(String finishReason, String stopReason) {
        JsonObject out = toMessage("{\"id\":\"c\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"x\"},\"finish_reason\":\"" + finishReason + "\"}]}");
        assertEquals(stopReason, out.getString("stop_reason"));
    }

    @Test
    void toMessage_noChoicesNoUsage_emptyContentZeroUsage() {
        JsonObject out = toMessage("{\"id\":\"c\",\"choices\":[]}");
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, out.getJsonArray("content"));
        assertEquals(json("{\"input_tokens\":0,\"output_tokens\":0}"), out.getJsonObject("usage"));
        assertEquals("end_turn", out.getString("stop_reason"));
    }

    @Test
    void toMessage_refusalWithoutContent_refusalAsText() {
        JsonObject out = toMessage("""
                {"id":"c","choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I can't."},
                  "finish_reason":"stop"}]}""");
        assertEquals(json("{\"c\":[{\"type\":\"text\",\"text\":\"I can't.\"}]}").get("c"), out.get("content"));
    }

    @Test
    void roundTrip_messageThroughCompletion_contentStopReasonAndTokenTotalsKept() {
        String original = """
                {"id":"msg_1","type":"message","role":"assistant","model":"m",
                 "content":[{"type":"text","text":"Hi."},{"type":"tool_use","id":"toolu_1","name":"f","input":{"a":[1,true]}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":7,"cache_read_input_tokens":3,"output_tokens":9}}""";
        byte[] completion = AnthropicResponses.toChatCompletion(bytes(original), "m");
        JsonObject back = json(AnthropicResponses.toMessage(completion, "m"));
        JsonObject expected = json(original);
        assertEquals(expected.get("content"), back.get("content"));
        assertEquals(expected.get("stop_reason"), back.get("stop_reason"));
        assertEquals(expected.get("usage"), back.get("usage"));
        assertEquals("msg_chatcmpl-msg_1", back.getString("id"));
    }

    @Test
    void usage_cacheTokens_includedInPromptTokens() {
        assertEquals(Optional.of(new Usage(115, 20)), AnthropicResponses.usage(bytes(MESSAGE)));
    }

    @Test
    void usage_noUsageOrNotJson_empty() {
        assertEquals(Optional.empty(), AnthropicResponses.usage(bytes("{\"id\":\"m\"}")));
        assertEquals(Optional.empty(), AnthropicResponses.usage(bytes("Bad Gateway")));
        assertEquals(Optional.empty(), AnthropicResponses.usage(null));
    }
}
