package io.iris.gateway.providers.anthropic;

import static io.iris.gateway.providers.anthropic.Wire.bytes;
import static io.iris.gateway.providers.anthropic.Wire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnthropicRequestsFromChatTest {

    private static JsonObject fromChat(String chat) {
        return json(AnthropicRequests.fromChat(bytes(chat), "claude-sonnet-4-5"));
    }

    @Test
    void fromChat_minimalRequest_upstreamModelAndDefaultMaxTokens() {
        JsonObject out = fromChat("""
                {"model":"anthropic/claude","messages":[{"role":"user","content":"Hi"}]}""");
        assertEquals(json("""
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Hi"}],"max_tokens":4096}"""), out);
    }

    @Test
    void fromChat_systemAndDeveloperMessages_joinedIntoTopLevelSystem() {
        JsonObject out = fromChat("""
                {"messages":[{"role":"system","content":"Be brief."},
                  {"role":"developer","content":[{"type":"text","text":"Use French."},{"type":"text","text":"No lists."}]},
                  {"role":"user","content":"Hi"}]}""");
        assertEquals("Be brief.\n\nUse French.\nNo lists.", out.getString("system"));
        assertEquals(1, out.getJsonArray("messages").size());
    }

    @Test
    void fromChat_maxCompletionTokens_preferredOverMaxTokens() {
        JsonObject out = fromChat("""
                {"max_tokens":100,"max_completion_tokens":200,"messages":[{"role":"user","content":"Hi"}]}""");
        assertEquals(200, out.getInt("max_tokens"));
        assertEquals(100, fromChat("""
                {"max_tokens":100,"messages":[{"role":"user","content":"Hi"}]}""").getInt("max_tokens"));
    }

    @Test
    void fromChat_consecutiveSameRoleMessages_mergedIntoAlternatingTurns() {
        JsonObject out = fromChat("""
                {"messages":[{"role":"user","content":"one"},{"role":"user","content":[{"type":"text","text":"two"}]},
                  {"role":"assistant","content":"three"},{"role":"assistant","content":"four"},
                  {"role":"user","content":""},{"role":"user","content":"five"}]}""");
        assertEquals(json("""
                {"m":[{"role":"user","content":[{"type":"text","text":"one"},{"type":"text","text":"two"}]},
                  {"role":"assistant","content":[{"type":"text","text":"three"},{"type":"text","text":"four"}]},
                  {"role":"user","content":"five"}]}""").getJsonArray("m"), out.getJsonArray("messages"));
    }

    @Test
    void fromChat_imageParts_base64AndUrlSources() {
        JsonObject out = fromChat("""
                {"messages":[{"role":"user","content":[{"type":"text","text":"What is it?"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"high"}},
                  {"type":"image_url","image_url":{"url":"https://example.com/cat.jpg"}}]}]}""");
        assertEquals(json("""
                {"content":[{"type":"text","text":"What is it?"},
                  {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                  {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}}]}""").get("content"),
                out.getJsonArray("messages").getJsonObject(0).get("content"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a.png", "data:image/png,rawbytes", "file:///etc/passwd"})
    void fromChat_unsupportedImageUrl_throws(String url) {
        String chat = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\""
                + url + "\"}}]}]}";
        assertThrows(IllegalArgumentException.class, () -> fromChat(chat));
    }

    @Test
    void fromChat_toolConversation_toolUseAndToolResultBlocks() {
        JsonObject out = fromChat("""
                {"messages":[{"role":"user","content":"Weather in Paris and Rome?"},
                  {"role":"assistant","content":null,"tool_calls":[
                    {"id":"call_1","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                    {"id":"call_2","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"18C"},
                  {"role":"tool","tool_call_id":"call_2","content":[{"type":"text","text":"21C"}]},
                  {"role":"assistant","content":"Paris 18C, Rome 21C."}]}""");
        assertEquals(json("""
                {"m":[{"role":"user","content":"Weather in Paris and Rome?"},
                  {"role":"assistant","content":[
                    {"type":"tool_use","id":"call_1","name":"weather","input":{"city":"Paris"}},
                    {"type":"tool_use","id":"call_2","name":"weather","input":{"city":"Rome"}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"18C"},
                    {"type":"tool_result","tool_use_id":"call_2","content":"21C"}]},
                  {"role":"assistant","content":"Paris 18C, Rome 21C."}]}""").getJsonArray("m"),
                out.getJsonArray("messages"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "", "\\\"text\\\""})
    void fromChat_argumentsNotAJsonObject_emptyInput(String arguments) {
        JsonObject out = fromChat("""
                {"messages":[{"role":"user","content":"go"},{"role":"assistant","content":"","tool_calls":[
                  {"id":"c","type":"function","function":{"name":"f","arguments":"%s"}}]}]}""".formatted(arguments));
        JsonObject assistant = out.getJsonArray("messages").getJsonObject(1);
        assertEquals(json("""
                {"content":[{"type":"tool_use","id":"c","name":"f","input":{}}]}""").get("content"),
                assistant.get("content"));
    }

    @Test
    void fromChat_userTextThenToolResult_toolResultLeadsTheTurn() {
        JsonObject out = fromChat("""
                {"messages":[{"role":"assistant","content":"x","tool_calls":[
                    {"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},
                  {"role":"user","content":"also this"},{"role":"tool","tool_call_id":"c1","content":""}]}""");
        assertEquals(json("""
                {"content":[{"type":"tool_result","tool_use_id":"c1"},{"type":"text","text":"also this"}]}""")
                .get("content"), out.getJsonArray("messages").getJsonObject(1).get("content"));
    }

    @Test
    void fromChat_optionsAndUnknownFields_mappedOrDropped() {
        JsonObject out = fromChat("""
                {"messages":[{"role":"user","content":"Hi"}],"temperature":0.2,"top_p":0.9,"stop":"END",
                 "stream":true,"stream_options":{"include_usage":true},"user":"u-42","n":1,"seed":7,
                 "logprobs":false,"frequency_penalty":0.5,"response_format":{"type":"text"},"fallbacks":["x/y"]}""");
        assertEquals(json("""
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Hi"}],"max_tokens":4096,
                 "temperature":0.2,"top_p":0.9,"stop_sequences":["END"],"stream":true,
                 "metadata":{"user_id":"u-42"}}"""), out);
    }

    @Test
    void fromChat_stopArrayAndStreamFalse_stopSequencesWithoutStream() {
        JsonObject out = fromChat("""
                {"messages":[{"role":"user","content":"Hi"}],"stop":["a","b"],"stream":false}""");
        assertEquals(json("{\"s\":[\"a\",\"b\"]}").get("s"), out.get("stop_sequences"));
        assertFalse(out.containsKey("stream"));
    }

    @Test
    void fromChat_tools_inputSchemaFromParametersOrDefault() {
        JsonObject out = fromChat("""
                {"messages":[{"role":"user","content":"Hi"}],"tools":[
                  {"type":"function","function":{"name":"weather","description":"Get weather",
                    "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"strict":true}},
                  {"type":"function","function":{"name":"now"}}]}""");
        assertEquals(json("""
                {"t":[{"name":"weather","description":"Get weather",
                    "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}},
                  {"name":"now","input_schema":{"type":"object"}}]}""").get("t"), out.get("tools"));
        assertFalse(out.containsKey("tool_choice"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"auto\"|{\"type\":\"auto\"}",
        "\"required\"|{\"type\":\"any\"}",
        "\"none\"|{\"type\":\"none\"}",
        "{\"type\":\"function\",\"function\":{\"name\":\"now\"}}|{\"type\":\"tool\",\"name\":\"now\"}"})
    void fromChat_toolChoice_anthropicToolChoice(String choice, String expected) {
        JsonObject out = fromChat("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"now\"}}],\"tool_choice\":" + choice + "}");
        assertEquals(json(expected), out.getJsonObject("tool_choice"));
    }

    @Test
    void fromChat_parallelToolCallsFalse_disableParallelToolUse() {
        JsonObject out = fromChat("""
                {"messages":[{"role":"user","content":"Hi"}],"parallel_tool_calls":false,"tool_choice":"required",
                 "tools":[{"type":"function","function":{"name":"now"}}]}""");
        assertEquals(json("{\"type\":\"any\",\"disable_parallel_tool_use\":true}"), out.getJsonObject("tool_choice"));
    }

    @Test
    void fromChat_toolChoiceWithoutTools_dropped() {
        JsonObject out = fromChat("""
                {"messages":[{"role":"user","content":"Hi"}],"tool_choice":"required","tools":[]}""");
        assertFalse(out.containsKey("tool_choice"));
        assertFalse(out.containsKey("tools"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "[]",
        "{\"model\":\"m\"}",
        "{\"messages\":[{\"role\":\"function\",\"name\":\"f\",\"content\":\"x\"}]}",
        "{\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}",
        "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]}]}",
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",\"input_audio\":{}}]}]}",
        "{\"messages\":[\"hi\"]}"})
    void fromChat_untranslatableRequest_throwsWithMessage(String chat) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fromChat(chat));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }
}
