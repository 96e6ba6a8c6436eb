package io.iris.gateway.providers.anthropic;

import static io.iris.gateway.providers.anthropic.Wire.bytes;
import static io.iris.gateway.providers.anthropic.Wire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnthropicRequestsToChatTest {

    private static JsonObject toChat(String messages) {
        return json(AnthropicRequests.toChat(bytes(messages), "gpt-4o"));
    }

    @Test
    void toChat_minimalRequest_upstreamModelAndMaxTokensKept() {
        JsonObject out = toChat("""
                {"model":"claude","max_tokens":1024,"messages":[{"role":"user","content":"Hi"}]}""");
        assertEquals(json("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],"max_tokens":1024}"""), out);
    }

    @Test
    void toChat_systemStringOrBlocks_firstSystemMessage() {
        assertEquals(json("{\"role\":\"system\",\"content\":\"Be brief.\"}"), toChat("""
                {"system":"Be brief.","max_tokens":1,"messages":[{"role":"user","content":"Hi"}]}""")
                .getJsonArray("messages").getJsonObject(0));
        assertEquals(json("{\"role\":\"system\",\"content\":\"One.\\nTwo.\"}"), toChat("""
                {"system":[{"type":"text","text":"One."},{"type":"text","text":"Two.","cache_control":{"type":"ephemeral"}}],
                 "max_tokens":1,"messages":[{"role":"user","content":"Hi"}]}""")
                .getJsonArray("messages").getJsonObject(0));
    }

    @Test
    void toChat_toolConversation_toolCallsAndToolMessagesBeforeUserText() {
        JsonObject out = toChat("""
                {"max_tokens":100,"messages":[{"role":"user","content":"Weather in Paris?"},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"hm","signature":"s"},
                    {"type":"text","text":"Checking."},
                    {"type":"tool_use","id":"toolu_1","name":"weather","input":{"city":"Paris"}}]},
                  {"role":"user","content":[{"type":"text","text":"Thanks"},
                    {"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"text","text":"18C"}],"is_error":false}]}]}""");
        assertEquals(json("""
                {"m":[{"role":"user","content":"Weather in Paris?"},
                  {"role":"assistant","content":"Checking.","tool_calls":[{"id":"toolu_1","type":"function",
                    "function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                  {"role":"tool","tool_call_id":"toolu_1","content":"18C"},
                  {"role":"user","content":"Thanks"}]}""").get("m"), out.get("messages"));
    }

    @Test
    void toChat_assistantOnlyToolUse_nullContent() {
        JsonObject out = toChat("""
                {"max_tokens":1,"messages":[{"role":"user","content":"go"},{"role":"assistant","content":[
                  {"type":"tool_use","id":"t","name":"now","input":{}}]}]}""");
        JsonObject assistant = out.getJsonArray("messages").getJsonObject(1);
        assertEquals(jakarta.json.JsonValue.NULL, assistant.get("content"));
        assertEquals("{}", assistant.getJsonArray("tool_calls").getJsonObject(0).getJsonObject("function")
                .getString("arguments"));
    }

    @Test
    void toChat_imageBlocks_imageUrlParts() {
        JsonObject out = toChat("""
                {"max_tokens":1,"messages":[{"role":"user","content":[{"type":"text","text":"What?"},
                  {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQ"}},
                  {"type":"image","source":{"type":"url","url":"https://example.com/a.png"}}]}]}""");
        assertEquals(json("""
                {"c":[{"type":"text","text":"What?"},
                  {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ"}},
                  {"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}""").get("c"),
                out.getJsonArray("messages").getJsonObject(0).get("content"));
    }

    @Test
    void toChat_streamTrue_asksForUsageInStream() {
        JsonObject out = toChat("""
                {"max_tokens":1,"stream":true,"messages":[{"role":"user","content":"Hi"}]}""");
        assertEquals(true, out.getBoolean("stream"));
        assertEquals(json("{\"include_usage\":true}"), out.getJsonObject("stream_options"));
        JsonObject unstreamed = toChat("""
                {"max_tokens":1,"stream":false,"messages":[{"role":"user","content":"Hi"}]}""");
        assertFalse(unstreamed.containsKey("stream"));
        assertFalse(unstreamed.containsKey("stream_options"));
    }

    @Test
    void toChat_optionsAndUnknownFields_mappedOrDropped() {
        JsonObject out = toChat("""
                {"max_tokens":50,"temperature":0.5,"top_p":0.8,"top_k":40,"stop_sequences":["END"],
                 "metadata":{"user_id":"u-1"},"thinking":{"type":"enabled","budget_tokens":1024},
                 "messages":[{"role":"user","content":"Hi"}]}""");
        assertEquals(json("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],"max_tokens":50,"temperature":0.5,
                 "top_p":0.8,"stop":["END"],"user":"u-1"}"""), out);
    }

    @Test
    void toChat_clientAndServerTools_onlyClientToolsAsFunctions() {
        JsonObject out = toChat("""
                {"max_tokens":1,"messages":[{"role":"user","content":"Hi"}],"tools":[
                  {"name":"weather","description":"Get weather","input_schema":{"type":"object","properties":{}}},
                  {"type":"custom","name":"now","input_schema":{"type":"object"}},
                  {"type":"web_search_20250305","name":"web_search","max_uses":3}]}""");
        assertEquals(json("""
                {"t":[{"type":"function","function":{"name":"weather","description":"Get weather",
                    "parameters":{"type":"object","properties":{}}}},
                  {"type":"function","function":{"name":"now","parameters":{"type":"object"}}}]}""").get("t"),
                out.get("tools"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"auto\"}|\"auto\"",
        "{\"type\":\"any\"}|\"required\"",
        "{\"type\":\"none\"}|\"none\"",
        "{\"type\":\"tool\",\"name\":\"now\"}|{\"type\":\"function\",\"function\":{\"name\":\"now\"}}"})
    void toChat_toolChoice_openAiToolChoice(String choice, String expected) {
        JsonObject out = toChat("{\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"tools\":[{\"name\":\"now\",\"input_schema\":{\"type\":\"object\"}}],\"tool_choice\":" + choice + "}");
        assertEquals(json("{\"v\":" + expected + "}").get("v"), out.get("tool_choice"));
        assertFalse(out.containsKey("parallel_tool_calls"));
    }

    @Test
    void toChat_disableParallelToolUse_parallelToolCallsFalse() {
        JsonObject out = toChat("""
                {"max_tokens":1,"messages":[{"role":"user","content":"Hi"}],
                 "tools":[{"name":"now","input_schema":{"type":"object"}}],
                 "tool_choice":{"type":"auto","disable_parallel_tool_use":true}}""");
        assertEquals(false, out.getBoolean("parallel_tool_calls"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "oops",
        "{\"max_tokens\":1}",
        "{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}",
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"document\",\"source\":{}}]}]}",
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"file\",\"file_id\":\"f\"}}]}]}",
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"content\":\"x\"}]}]}",
        "{\"messages\":[{\"role\":\"user\",\"content\":42}]}"})
    void toChat_untranslatableRequest_throws(String request) {
        assertThrows(IllegalArgumentException.class, () -> toChat(request));
    }

    @Test
    void roundTrip_anthropicConversationThroughOpenAi_unchanged() {
        String original = """
                {"model":"claude-sonnet-4-5","system":"Be brief.","messages":[
                  {"role":"user","content":"Weather in Paris?"},
                  {"role":"assistant","content":[{"type":"text","text":"Checking."},
                    {"type":"tool_use","id":"toolu_1","name":"weather","input":{"city":"Paris","days":[1,2]}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18C"},
                    {"type":"text","text":"And tomorrow?"},
                    {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}],
                 "max_tokens":300,"temperature":0.3,"top_p":0.9,"stop_sequences":["END"],"stream":true,
                 "tools":[{"name":"weather","description":"Get weather","input_schema":{"type":"object"}}],
                 "tool_choice":{"type":"tool","name":"weather","disable_parallel_tool_use":true},
                 "metadata":{"user_id":"u-1"}}""";
        byte[] chat = AnthropicRequests.toChat(bytes(original), "gpt-4o");
        assertEquals(json(original), json(AnthropicRequests.fromChat(chat, "claude-sonnet-4-5")));
    }

    @Test
    void roundTrip_openAiConversationThroughAnthropic_unchanged() {
        String original = """
                {"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},
                  {"role":"user","content":"Weather in Paris?"},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                    "function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"18C"},
                  {"role":"assistant","content":"18C in Paris."},
                  {"role":"user","content":[{"type":"text","text":"This?"},
                    {"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}],
                 "max_tokens":200,"stop":["END"],"stream":true,"stream_options":{"include_usage":true},
                 "tools":[{"type":"function","function":{"name":"weather","parameters":{"type":"object"}}}],
                 "tool_choice":"required","user":"u-2"}""";
        byte[] anthropic = AnthropicRequests.fromChat(bytes(original), "claude");
        assertEquals(json(original), json(AnthropicRequests.toChat(anthropic, "gpt-4o")));
    }
}
