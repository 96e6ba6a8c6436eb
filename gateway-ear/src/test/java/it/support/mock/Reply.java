package it.support.mock;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * What the mock answers, independent of the wire format: the assistant text (or the canned tool call) and
 * deterministic usage. Prompt tokens are the characters of every message content, system prompt, completion
 * prompt or embedding input, divided by 4 (at least 1); completion tokens are the words of the reply.
 * Immutable.
 */
final class Reply {
    static final String TOOL_NAME = "get_weather";
    static final String TOOL_ARGUMENTS = "{\"city\":\"Paris\"}";
    /** The tool arguments as streamed, in two fragments. */
    static final List<String> TOOL_ARGUMENT_FRAGMENTS = List.of("{\"city\":", "\"Paris\"}");
    static final int LONG_WORDS = 2_000;
    private static final String[] FILLER = {"lorem", "ipsum", "dolor", "sit", "amet"};

    final String model;
    final String text;
    final boolean toolCall;
    final int promptTokens;
    final int completionTokens;

    private Reply(String model, String text, boolean toolCall, int promptTokens, int completionTokens) {
        this.model = model;
        this.text = text;
        this.toolCall = toolCall;
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
    }

    /** The reply to a generation request; {@code toolsAllowed} false turns a tool_call fixture into text. */
    static Reply of(String model, Directives directives, String rawBody, JsonObject body, boolean toolsAllowed) {
        int prompt = promptTokens(body);
        if (directives.echo) {
            return new Reply(model, rawBody, false, prompt, words(rawBody));
        }
        switch (directives.fixture) {
            case TOOL_CALL:
                if (toolsAllowed) {
                    return new Reply(model, "", true, prompt, words(TOOL_ARGUMENTS));
                }
                break;
            case EMPTY:
                return new Reply(model, "", false, prompt, 0);
            case LONG:
                return new Reply(model, longText(model), false, prompt, LONG_WORDS);
            default:
                break;
        }
        String text = "Hello from mock " + model;
        return new Reply(model, text, false, prompt, words(text));
    }

    int totalTokens() {
        return promptTokens + completionTokens;
    }

    /** The text cut before each run of whitespace: "Hello", " from", " mock", ... (none for empty text). */
    List<String> deltas() {
        List<String> pieces = new ArrayList<>();
        if (!text.isEmpty()) {
            pieces.addAll(List.of(text.split("(?<=\\S)(?=\\s)")));
        }
        return pieces;
    }

    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    /** Characters of all prompt text in a request of any of the supported formats, / 4, at least 1. */
    static int promptTokens(JsonObject body) {
        long chars = 0;
        if (body != null) {
            JsonValue messages = body.get("messages");
            if (messages != null && messages.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue message : messages.asJsonArray()) {
                    if (message.getValueType() == JsonValue.ValueType.OBJECT) {
                        chars += chars(message.asJsonObject().get("content"));
                    }
                }
            }
            chars += chars(body.get("system")) + chars(body.get("prompt")) + chars(body.get("input"));
        }
        return (int) Math.max(1, chars / 4);
    }

    /** Text characters of a content value: a string, an array of parts, a part with text or content. */
    private static long chars(JsonValue value) {
        if (value == null) {
            return 0;
        }
        switch (value.getValueType()) {
            case STRING:
                return ((JsonString) value).getString().length();
            case NUMBER:
                return 4; // a token id in a pre-tokenized prompt or input counts as one token
            case ARRAY:
                long sum = 0;
                for (JsonValue item : value.asJsonArray()) {
                    sum += chars(item);
                }
                return sum;
            case OBJECT:
                JsonObject part = value.asJsonObject();
                return chars(part.get("text")) + chars(part.get("content"));
            default:
                return 0;
        }
    }

    private static String longText(String model) {
        StringBuilder text = new StringBuilder("Hello from mock ").append(model).append('.');
        for (int i = 4; i < LONG_WORDS; i++) {
            text.append(' ').append(FILLER[i % FILLER.length]);
        }
        return text.toString();
    }
}
