package io.iris.gateway.providers.anthropic;

import static io.iris.gateway.providers.anthropic.Wire.bytes;
import static io.iris.gateway.providers.anthropic.Wire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnthropicErrorBodiesTest {

    @Test
    void errorToOpenAi_anthropicError_typeAndMessageKept() {
        JsonObject out = json(AnthropicResponses.errorToOpenAi(bytes("""
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}""")));
        assertEquals(json("""
                {"error":{"message":"Overloaded","type":"overloaded_error","code":null,"param":null}}"""), out);
    }

    @Test
    void errorToOpenAi_htmlBody_rawTextAsApiError() {
        JsonObject out = json(AnthropicResponses.errorToOpenAi(bytes("<html>502 Bad Gateway</html>\n")));
        assertEquals("<html>502 Bad Gateway</html>", out.getJsonObject("error").getString("message"));
        assertEquals("api_error", out.getJsonObject("error").getString("type"));
    }

    @Test
    void errorToOpenAi_longRawBody_truncatedTo500Characters() {
        JsonObject out = json(AnthropicResponses.errorToOpenAi(bytes("x".repeat(2000))));
        assertEquals("x".repeat(500), out.getJsonObject("error").getString("message"));
    }

    @Test
    void errorToOpenAi_surrogatePairAtLimit_notSplit() {
        String body = "x".repeat(499) + "\uD83D\uDE00" + "tail";
        JsonObject out = json(AnthropicResponses.errorToOpenAi(bytes(body)));
        assertEquals("x".repeat(499), out.getJsonObject("error").getString("message"));
    }

    @Test
    void errorToOpenAi_emptyOrNullBody_defaultMessage() {
        assertEquals(ErrorBodies.NO_MESSAGE,
                json(AnthropicResponses.errorToOpenAi(new byte[0])).getJsonObject("error").getString("message"));
        assertEquals(ErrorBodies.NO_MESSAGE,
                json(AnthropicResponses.errorToOpenAi(null)).getJsonObject("error").getString("message"));
    }

    @ParameterizedTest
    @CsvSource({"400,invalid_request_error", "401,authentication_error", "403,permission_error",
        "404,not_found_error", "413,request_too_large", "429,rate_limit_error", "529,overloaded_error",
        "500,api_error", "502,api_error", "422,api_error"})
    void errorToAnthropic_status_mappedType(int status, String type) {
        JsonObject out = json(AnthropicResponses.errorToAnthropic(bytes("""
                {"error":{"message":"Nope","type":"whatever","code":"x","param":null}}"""), status));
        assertEquals(json("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"Nope\"}}"), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"error\":\"Nope\"}", "{\"object\":\"error\",\"message\":\"Nope\"}",
        "{\"detail\":\"Nope\"}", "Nope"})
    void errorToAnthropic_compatibleServerShapes_messageFound(String body) {
        JsonObject out = json(AnthropicResponses.errorToAnthropic(bytes(body), 500));
        assertEquals("Nope", out.getJsonObject("error").getString("message"));
    }

    @Test
    void errorToAnthropic_jsonWithoutMessage_rawJsonText() {
        JsonObject out = json(AnthropicResponses.errorToAnthropic(bytes("{\"code\":5}"), 503));
        assertEquals("{\"code\":5}", out.getJsonObject("error").getString("message"));
    }
}
