package io.iris.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestJsonTest {

    private static RequestJson parse(String json) {
        return RequestJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String forward(String json, String model) {
        return new String(parse(json).forUpstream(model), StandardCharsets.UTF_8);
    }

    @Test
    void forUpstream_modelRewritten_everyOtherBytePassesThrough() {
        String body = "{ \"model\" : \"openai/gpt-4o\", \"messages\":[{\"role\":\"user\",\"content\":\"hi \\\"x\\\"\"}],"
                + "\"x_custom\": {\"a\": [1, 2.5e3, null]} }";
        assertEquals("{ \"model\" : \"gpt-4o\", \"messages\":[{\"role\":\"user\",\"content\":\"hi \\\"x\\\"\"}],"
                + "\"x_custom\": {\"a\": [1, 2.5e3, null]} }", forward(body, "gpt-4o"));
    }

    @Test
    void forUpstream_fallbacksFirstMiddleOrLast_removedWithOneComma() {
        assertEquals("{\"model\":\"m\",\"b\":1}", forward("{\"fallbacks\":[\"a/b\"],\"model\":\"x\",\"b\":1}", "m"));
        assertEquals("{\"model\":\"m\",\"b\":1}", forward("{\"model\":\"x\",\"fallbacks\":[],\"b\":1}", "m"));
        assertEquals("{\"model\":\"m\"}", forward("{\"model\":\"x\",\"fallbacks\":[\"p/\"]}", "m"));
        assertEquals("{\"model\":\"m\"}", forward("{\"fallbacks\":null}", "m"));
    }

    @Test
    void forUpstream_modelAbsent_added() {
        assertEquals("{\"model\":\"m\",\"input\":\"x\"}", forward("{\"input\":\"x\"}", "m"));
        assertEquals("{\"model\":\"m\"}", forward("{}", "m"));
    }

    @Test
    void forUpstream_modelNeedingEscapes_quotedSafely() {
        assertEquals("{\"model\":\"a\\\"b\"}", forward("{\"model\":\"x\"}", "a\"b"));
    }

    @Test
    void fields_present_readWithoutFullParse() {
        RequestJson json = parse("{\"model\":\"gpt\\u0034o\",\"stream\":true,\"max_tokens\":256,"
                + "\"fallbacks\":[\"a/b\",\"c/\"]}");
        assertEquals("gpt4o", json.string("model").orElseThrow());
        assertTrue(json.bool("stream"));
        assertEquals(256, json.integer("max_tokens"));
        assertEquals(List.of("a/b", "c/"), json.strings("fallbacks"));
    }

    @Test
    void fields_absentOrNull_defaults() {
        RequestJson json = parse("{\"model\":null,\"stream\":null}");
        assertTrue(json.string("model").isEmpty());
        assertFalse(json.bool("stream"));
        assertEquals(0, json.integer("max_tokens"));
        assertTrue(json.strings("fallbacks").isEmpty());
    }

    @Test
    void fields_wrongType_invalidRequestNamingParam() {
        GatewayException e = assertThrows(GatewayException.class, () -> parse("{\"model\":5}").string("model"));
        assertEquals(ErrorType.INVALID_REQUEST, e.type());
        assertEquals("model", e.param());
        assertThrows(GatewayException.class, () -> parse("{\"stream\":\"yes\"}").bool("stream"));
        assertThrows(GatewayException.class, () -> parse("{\"max_tokens\":1.5}").integer("max_tokens"));
        assertThrows(GatewayException.class, () -> parse("{\"fallbacks\":[1]}").strings("fallbacks"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{", "{\"a\":}", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":tru}", "{\"a\":01x}",
            "{\"a\":\"\\q\"}", "{\"a\":[1 2]}", "{} {}", "{\"a\":\"unterminated}", "{\"a\":-}", "{\"a\":1.}"})
    void parse_malformed_invalidRequest(String body) {
        GatewayException e = assertThrows(GatewayException.class, () -> parse(body));
        assertEquals(ErrorType.INVALID_REQUEST, e.type());
    }

    @Test
    void parse_deepNesting_rejectedWithoutStackOverflow() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThrows(GatewayException.class, () -> parse(deep));
    }

    @Test
    void promptCharacters_messagesPromptInputSystem_countsTextInTheirStrings() {
        RequestJson json = RequestJson.parse(("{\"model\":\"a-long-model-name\",\"system\":\"abcd\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"h\u00e9llo\"}],\"max_tokens\":9}")
                .getBytes(StandardCharsets.UTF_8));

        // "abcd", then "role", "user", "content", "héllo" (keys inside messages count; é is one character)
        assertEquals(4 + 4 + 4 + 7 + 5, json.promptCharacters());
    }

    @Test
    void promptCharacters_noPromptFields_zero() {
        assertEquals(0, RequestJson.parse("{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8)).promptCharacters());
    }

    @Test
    void maxTokens_maxTokensOrMaxCompletionTokens_zeroWithout() {
        assertEquals(7, RequestJson.parse("{\"max_tokens\":7,\"max_completion_tokens\":9}"
                .getBytes(StandardCharsets.UTF_8)).maxTokens());
        assertEquals(9, RequestJson.parse("{\"max_completion_tokens\":9}".getBytes(StandardCharsets.UTF_8))
                .maxTokens());
        assertEquals(0, RequestJson.parse("{}".getBytes(StandardCharsets.UTF_8)).maxTokens());
    }
}
