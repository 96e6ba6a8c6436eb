package io.iris.gateway.providers.anthropic;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Translates upstream error bodies between the two vendors' shapes; see
 * {@link AnthropicResponses#errorToOpenAi} and {@link AnthropicResponses#errorToAnthropic}. Bodies need
 * not be JSON: the message then is the raw text, truncated. Stateless and thread-safe.
 */
final class ErrorBodies {

    static final int MAX_RAW_MESSAGE = 500;
    static final String NO_MESSAGE = "the provider returned an error without a message";

    private ErrorBodies() {
    }

    static byte[] toOpenAi(byte[] anthropicError) {
        Optional<JsonObject> body = JsonSupport.parseObject(anthropicError);
        String type = body.map(b -> JsonSupport.string(JsonSupport.object(b, "error"), "type")).orElse(null);
        return JsonSupport.bytes(JsonSupport.object()
                .add("error", JsonSupport.object()
                        .add("message", message(body, anthropicError))
                        .add("type", type != null ? type : "api_error")
                        .addNull("code")
                        .addNull("param"))
                .build());
    }

    static byte[] toAnthropic(byte[] openAiError, int status) {
        return JsonSupport.bytes(JsonSupport.object()
                .add("type", "error")
                .add("error", JsonSupport.object()
                        .add("type", anthropicType(status))
                        .add("message", message(JsonSupport.parseObject(openAiError), openAiError)))
                .build());
    }

    static String anthropicType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
    }

    /**
     * The message of an error body: {@code error.message}, a string {@code error}, or a top-level
     * {@code message} or {@code detail} (as OpenAI-compatible servers variously write it); else the raw
     * body text.
     */
    private static String message(Optional<JsonObject> body, byte[] raw) {
        if (body.isPresent()) {
            JsonObject b = body.get();
            String[] candidates = {JsonSupport.string(JsonSupport.object(b, "error"), "message"),
                    JsonSupport.string(b, "error"), JsonSupport.string(b, "message"), JsonSupport.string(b, "detail")};
            for (String candidate : candidates) {
                if (candidate != null && !candidate.isBlank()) {
                    return truncate(candidate);
                }
            }
        }
        String text = raw == null ? "" : new String(raw, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? NO_MESSAGE : truncate(text);
    }

    /** At most {@link #MAX_RAW_MESSAGE} characters, never splitting a surrogate pair. */
    static String truncate(String text) {
        if (text.length() <= MAX_RAW_MESSAGE) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_RAW_MESSAGE - 1)) ? MAX_RAW_MESSAGE - 1 : MAX_RAW_MESSAGE;
        return text.substring(0, end);
    }
}
