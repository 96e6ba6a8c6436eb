package io.iris.gateway.providers.anthropic;

import io.iris.gateway.providers.sse.SseEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Anthropic Messages stream events, each named after its {@code type} as Anthropic names them.
 * Stateless and thread-safe; arguments must not be null.
 */
final class AnthropicEvents {

    private AnthropicEvents() {
    }

    static SseEvent messageStart(String id, String model, JsonObject usage) {
        JsonObject message = JsonSupport.object()
                .add("id", id).add("type", "message").add("role", "assistant").add("model", model)
                .add("content", JsonValue.EMPTY_JSON_ARRAY).addNull("stop_reason").addNull("stop_sequence")
                .add("usage", usage).build();
        return event("message_start", JsonSupport.object().add("message", message));
    }

    static SseEvent blockStart(int index, JsonObjectBuilder block) {
        return event("content_block_start", JsonSupport.object().add("index", index).add("content_block", block));
    }

    static SseEvent blockDelta(int index, JsonObjectBuilder delta) {
        return event("content_block_delta", JsonSupport.object().add("index", index).add("delta", delta));
    }

    static SseEvent blockStop(int index) {
        return event("content_block_stop", JsonSupport.object().add("index", index));
    }

    static SseEvent messageDelta(String stopReason, JsonObject usage) {
        JsonObject delta = JsonSupport.object().add("stop_reason", stopReason).addNull("stop_sequence").build();
        return event("message_delta", JsonSupport.object().add("delta", delta).add("usage", usage));
    }

    static SseEvent messageStop() {
        return event("message_stop", JsonSupport.object());
    }

    static SseEvent error(String type, String message) {
        JsonObject error = JsonSupport.object().add("type", type).add("message", message).build();
        return event("error", JsonSupport.object().add("error", error));
    }

    private static SseEvent event(String type, JsonObjectBuilder body) {
        return new SseEvent(type, JsonSupport.write(JsonSupport.object().add("type", type).addAll(body).build()));
    }
}
