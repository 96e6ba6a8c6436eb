package it.support.mock;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * The OpenAI chat and legacy completions wire format (also served under Azure deployments): a JSON
 * {@code chat.completion} / {@code text_completion}, or an SSE stream of chunks ending with
 * {@code data: [DONE]}. Stateless.
 */
final class OpenAiWire {
    private static final String FINGERPRINT = "fp_mock";

    private OpenAiWire() {
    }

    static void chat(MockExchange exchange, JsonObject body, String model, String rawBody) throws IOException {
        JsonValue messages = body.get("messages");
        if (messages == null || messages.getValueType() != JsonValue.ValueType.ARRAY) {
            exchange.invalid("missing required parameter: 'messages'");
            return;
        }
        Reply reply = Reply.of(model, exchange.directives(), rawBody, body, true);
        String id = id("chatcmpl-");
        long created = System.currentTimeMillis() / 1000;
        String finish = reply.toolCall ? "tool_calls" : "stop";
        if (!body.getBoolean("stream", false)) {
            JsonObjectBuilder message = Jsonp.object().add("role", "assistant");
            if (reply.toolCall) {
                message.add("content", JsonValue.NULL).add("tool_calls", Jsonp.array().add(
                        toolCall(Reply.TOOL_NAME, Reply.TOOL_ARGUMENTS).add("id", "call_1").add("type", "function")));
            } else {
                message.add("content", reply.text);
            }
            message.add("refusal", JsonValue.NULL);
            JsonObject choice = Jsonp.object().add("index", 0).add("message", message)
                    .add("logprobs", JsonValue.NULL).add("finish_reason", finish).build();
            exchange.json(200, envelope(id, "chat.completion", created, model).add("choices", array(choice))
                    .add("usage", usage(reply)).add("system_fingerprint", FINGERPRINT).build());
            return;
        }
        boolean includeUsage = includeUsage(body);
        SseStream stream = exchange.stream();
        JsonObjectBuilder first = Jsonp.object().add("role", "assistant");
        if (reply.toolCall) {
            first.add("content", JsonValue.NULL).add("tool_calls", Jsonp.array()
                    .add(toolCall(Reply.TOOL_NAME, "").add("index", 0).add("id", "call_1").add("type", "function")));
        } else {
            first.add("content", "");
        }
        stream.event(null, chatChunk(id, created, model, first, null, includeUsage));
        List<String> pieces = reply.toolCall ? Reply.TOOL_ARGUMENT_FRAGMENTS : reply.deltas();
        for (String piece : pieces) {
            JsonObjectBuilder delta = reply.toolCall
                    ? Jsonp.object().add("tool_calls", Jsonp.array()
                            .add(toolCall(null, piece).add("index", 0)))
                    : Jsonp.object().add("content", piece);
            stream.event(null, chatChunk(id, created, model, delta, null, includeUsage));
        }
        stream.event(null, chatChunk(id, created, model, Jsonp.object(), finish, includeUsage));
        finishStream(stream, envelope(id, "chat.completion.chunk", created, model), includeUsage, reply);
    }

    static void completions(MockExchange exchange, JsonObject body, String model, String rawBody)
            throws IOException {
        Reply reply = Reply.of(model, exchange.directives(), rawBody, body, false);
        String id = id("cmpl-");
        long created = System.currentTimeMillis() / 1000;
        if (!body.getBoolean("stream", false)) {
            exchange.json(200, envelope(id, "text_completion", created, model)
                    .add("choices", array(textChoice(reply.text, "stop"))).add("usage", usage(reply)).build());
            return;
        }
        boolean includeUsage = includeUsage(body);
        SseStream stream = exchange.stream();
        for (String piece : reply.deltas()) {
            stream.event(null, textChunk(id, created, model, textChoice(piece, null), includeUsage));
        }
        stream.event(null, textChunk(id, created, model, textChoice("", "stop"), includeUsage));
        finishStream(stream, envelope(id, "text_completion", created, model), includeUsage, reply);
    }

    private static void finishStream(SseStream stream, JsonObjectBuilder usageChunk, boolean includeUsage,
            Reply reply) throws IOException {
        if (includeUsage) {
            stream.event(null, usageChunk.add("choices", Jsonp.array()).add("usage", usage(reply))
                    .build().toString());
        }
        stream.event(null, "[DONE]");
        stream.finish();
    }

    private static String chatChunk(String id, long created, String model, JsonObjectBuilder delta, String finish,
            boolean includeUsage) {
        JsonObject choice = Jsonp.object().add("index", 0).add("delta", delta)
                .add("logprobs", JsonValue.NULL)
                .add("finish_reason", finish == null ? JsonValue.NULL : Jsonp.value(finish)).build();
        JsonObjectBuilder chunk = envelope(id, "chat.completion.chunk", created, model)
                .add("system_fingerprint", FINGERPRINT).add("choices", array(choice));
        if (includeUsage) {
            chunk.add("usage", JsonValue.NULL);
        }
        return chunk.build().toString();
    }

    private static String textChunk(String id, long created, String model, JsonObject choice, boolean includeUsage) {
        JsonObjectBuilder chunk = envelope(id, "text_completion", created, model).add("choices", array(choice));
        if (includeUsage) {
            chunk.add("usage", JsonValue.NULL);
        }
        return chunk.build().toString();
    }

    private static JsonObject textChoice(String text, String finish) {
        return Jsonp.object().add("text", text).add("index", 0).add("logprobs", JsonValue.NULL)
                .add("finish_reason", finish == null ? JsonValue.NULL : Jsonp.value(finish)).build();
    }

    /** A tool_calls entry; {@code name} null for a streamed arguments fragment. */
    private static JsonObjectBuilder toolCall(String name, String arguments) {
        JsonObjectBuilder function = Jsonp.object();
        if (name != null) {
            function.add("name", name);
        }
        return Jsonp.object().add("function", function.add("arguments", arguments));
    }

    private static boolean includeUsage(JsonObject body) {
        JsonValue options = body.get("stream_options");
        return options != null && options.getValueType() == JsonValue.ValueType.OBJECT
                && options.asJsonObject().getBoolean("include_usage", false);
    }

    static JsonObjectBuilder envelope(String id, String object, long created, String model) {
        return Jsonp.object().add("id", id).add("object", object).add("created", created)
                .add("model", model);
    }

    static JsonObject usage(Reply reply) {
        return Jsonp.object().add("prompt_tokens", reply.promptTokens)
                .add("completion_tokens", reply.completionTokens).add("total_tokens", reply.totalTokens()).build();
    }

    private static JsonArrayBuilder array(JsonObject item) {
        return Jsonp.array().add(item);
    }

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
