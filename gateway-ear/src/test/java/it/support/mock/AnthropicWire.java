package it.support.mock;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.List;

/**
 * The Anthropic Messages wire format: a JSON {@code message}, or its named SSE events (message_start,
 * content_block_start, ping, content_block_delta..., content_block_stop, message_delta, message_stop).
 * Stateless.
 */
final class AnthropicWire {
    private AnthropicWire() {
    }

    static void messages(MockExchange exchange, JsonObject body, String rawBody) throws IOException {
        String model = body.getString("model", "");
        if (model.isEmpty()) {
            exchange.invalid("model: Field required");
            return;
        }
        if (!body.containsKey("max_tokens")) {
            exchange.invalid("max_tokens: Field required");
            return;
        }
        JsonValue messages = body.get("messages");
        if (messages == null || messages.getValueType() != JsonValue.ValueType.ARRAY) {
            exchange.invalid("messages: Field required");
            return;
        }
        Reply reply = Reply.of(model, exchange.directives(), rawBody, body, true);
        String id = OpenAiWire.id("msg_");
        String stopReason = reply.toolCall ? "tool_use" : "end_turn";
        if (!body.getBoolean("stream", false)) {
            JsonObject block = reply.toolCall
                    ? toolUse().add("input", Jsonp.object().add("city", "Paris")).build()
                    : Jsonp.object().add("type", "text").add("text", reply.text).build();
            exchange.json(200, message(id, model, Jsonp.array().add(block).build(), stopReason,
                    reply.promptTokens, reply.completionTokens).build());
            return;
        }
        SseStream stream = exchange.stream();
        int startOutput = Math.min(1, reply.completionTokens);
        send(stream, "message_start", Jsonp.object()
                .add("message", message(id, model, JsonValue.EMPTY_JSON_ARRAY, null, reply.promptTokens,
                        startOutput)));
        JsonObject startBlock = reply.toolCall
                ? toolUse().add("input", Jsonp.object()).build()
                : Jsonp.object().add("type", "text").add("text", "").build();
        send(stream, "content_block_start", Jsonp.object().add("index", 0)
                .add("content_block", startBlock));
        send(stream, "ping", Jsonp.object());
        List<String> pieces = reply.toolCall ? Reply.TOOL_ARGUMENT_FRAGMENTS : reply.deltas();
        for (String piece : pieces) {
            JsonObjectBuilder delta = reply.toolCall
                    ? Jsonp.object().add("type", "input_json_delta").add("partial_json", piece)
                    : Jsonp.object().add("type", "text_delta").add("text", piece);
            send(stream, "content_block_delta", Jsonp.object().add("index", 0).add("delta", delta));
        }
        send(stream, "content_block_stop", Jsonp.object().add("index", 0));
        send(stream, "message_delta", Jsonp.object()
                .add("delta", Jsonp.object().add("stop_reason", stopReason)
                        .add("stop_sequence", JsonValue.NULL))
                .add("usage", Jsonp.object().add("output_tokens", reply.completionTokens)));
        send(stream, "message_stop", Jsonp.object());
        stream.finish();
    }

    private static void send(SseStream stream, String type, JsonObjectBuilder data) throws IOException {
        // the type goes first, as the API sends it
        JsonObject payload = Jsonp.object().add("type", type).addAll(data).build();
        stream.event(type, payload.toString());
    }

    private static JsonObjectBuilder message(String id, String model, JsonValue content, String stopReason,
            int input, int output) {
        return Jsonp.object().add("id", id).add("type", "message").add("role", "assistant")
                .add("model", model).add("content", content)
                .add("stop_reason", stopReason == null ? JsonValue.NULL : Jsonp.value(stopReason))
                .add("stop_sequence", JsonValue.NULL)
                .add("usage", Jsonp.object().add("input_tokens", input).add("output_tokens", output));
    }

    private static JsonObjectBuilder toolUse() {
        return Jsonp.object().add("type", "tool_use").add("id", "toolu_1").add("name", Reply.TOOL_NAME);
    }
}
