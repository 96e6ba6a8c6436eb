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

class RequestLimitsTest {

    private static RequestJson parse(String json) {
        return RequestJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static GatewayException refused(Runnable check) {
        GatewayException e = assertThrows(GatewayException.class, check::run);
        assertEquals(ErrorType.INVALID_REQUEST, e.type());
        assertEquals(400, e.status());
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "openai/gpt-4o-mini-2024-07-18", "claude 3 (beta)", "modèle-été", "模型",
            "\uD83D\uDE80-rocket", "a%0d%0ab"})
    void model_ordinaryNames_accepted(String model) {
        assertEquals(model, RequestLimits.model(parse("{\"model\":" + io.iris.gateway.common.JsonStrings.quote(model)
                + "}")));
    }

    @Test
    void model_256Characters_acceptedAnd257Refused() {
        assertEquals(256, RequestLimits.model(parse("{\"model\":\"" + "m".repeat(256) + "\"}")).length());
        GatewayException e = refused(() -> RequestLimits.model(parse("{\"model\":\"" + "m".repeat(257) + "\"}")));
        assertEquals("model", e.param());
        assertEquals("'model' must be at most 256 characters", e.getMessage());
    }

    @Test
    void model_256AstralCharacters_countedAsCharactersNotUnits() {
        String rockets = "\uD83D\uDE80".repeat(256);
        assertEquals(rockets, RequestLimits.model(parse("{\"model\":\"" + rockets + "\"}")));
        refused(() -> RequestLimits.model(parse("{\"model\":\"" + rockets + "x\"}")));
    }

    @Test
    void model_oneMegabyteOfDashes_refusedWithoutEchoingIt() {
        String huge = "a-".repeat(512 * 1024);
        GatewayException e = refused(() -> RequestLimits.model(parse("{\"model\":\"" + huge + "\"}")));
        assertFalse(e.getMessage().contains("a-a-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt\\r\\nx-evil: 1", "gpt\\n", "\\u0000gpt", "gpt\\u007f", "gpt\\u0085",
            "gpt\\u2028x", "gpt\\u2029x", "gpt\\u202ex", "gpt\\u200bx", "gpt\\ud800", "\\udc00gpt", "gpt\\tx"})
    void model_controlSeparatorOrFormatCharacter_refusedWithoutEchoingIt(String escaped) {
        GatewayException e = refused(() -> RequestLimits.model(parse("{\"model\":\"" + escaped + "\"}")));
        assertEquals("model", e.param());
        assertFalse(e.getMessage().contains("gpt"), e.getMessage());
    }

    @Test
    void model_absentOrBlank_required() {
        assertEquals("'model' is required", refused(() -> RequestLimits.model(parse("{}"))).getMessage());
        refused(() -> RequestLimits.model(parse("{\"model\":\"  \"}")));
    }

    @Test
    void fallbacks_entryWithLineBreak_refusedNamingFallbacks() {
        GatewayException e = refused(() -> RequestLimits.fallbacks(
                parse("{\"fallbacks\":[\"openai/gpt-4o\",\"openai/x\\r\\ny\"]}")));
        assertEquals("fallbacks", e.param());
        assertEquals(List.of("openai/gpt-4o", "anthropic/"),
                RequestLimits.fallbacks(parse("{\"fallbacks\":[\"openai/gpt-4o\",\"anthropic/\"]}")));
    }

    @Test
    void outputTokens_oneMillion_acceptedAndOneMore_refusedNamingTheField() {
        RequestLimits.outputTokens(parse("{\"max_tokens\":1000000,\"max_completion_tokens\":1000000}"));
        GatewayException tokens = refused(() -> RequestLimits.outputTokens(parse("{\"max_tokens\":1000001}")));
        assertEquals("max_tokens", tokens.param());
        assertTrue(tokens.getMessage().contains("'max_tokens'"));
        GatewayException completion = refused(() -> RequestLimits.outputTokens(
                parse("{\"max_tokens\":5,\"max_completion_tokens\":1000001}")));
        assertEquals("max_completion_tokens", completion.param());
    }

    @Test
    void outputTokens_beyondLong_refused() {
        refused(() -> RequestLimits.outputTokens(parse("{\"max_tokens\":99999999999999999999999}")));
    }

    @Test
    void parse_duplicateTopLevelMember_refusedNamingIt() {
        GatewayException e = refused(() -> parse("{\"model\":\"m\",\"stream\":false,\"stream\":true}"));
        assertEquals("duplicate member 'stream'", e.getMessage());
        assertEquals("stream", e.param());
    }

    @Test
    void parse_duplicateSpelledWithEscapes_stillADuplicate() {
        assertEquals("duplicate member 'model'",
                refused(() -> parse("{\"model\":\"a\",\"mod\\u0065l\":\"b\"}")).getMessage());
    }

    @Test
    void parse_duplicateWithUnprintableName_refusedWithoutNamingIt() {
        GatewayException e = refused(() -> parse("{\"a\\nb\":1,\"a\\nb\":2}"));
        assertEquals("duplicate member in the body", e.getMessage());
        assertEquals(null, e.param());
    }

    @Test
    void parse_sameKeyInNestedObjects_notADuplicate() {
        parse("{\"messages\":[{\"role\":\"user\"},{\"role\":\"assistant\"}],\"a\":{\"role\":1,\"x\":{\"role\":2}}}");
    }

    @Test
    void parse_manyMembersWithOneDuplicate_found() {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            body.append("\"k").append(i).append("\":").append(i).append(',');
        }
        body.append("\"k17\":0}");
        assertEquals("duplicate member 'k17'", refused(() -> parse(body.toString())).getMessage());
    }
}
