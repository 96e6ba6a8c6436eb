package io.iris.gateway.providers.anthropic;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.UUID;

/**
 * Translates an Anthropic message (a non-streaming Messages response) into an OpenAI chat completion;
 * see {@link AnthropicResponses#toChatCompletion}. Stateless and thread-safe; arguments must not be null.
 */
final class MessageToCompletion {

    private MessageToCompletion() {
    }

    static byte[] translate(byte[] anthropicResponse, String model) {
        JsonObject message = JsonSupport.parseObject(anthropicResponse).orElseThrow(
                () -> new IllegalArgumentException("the upstream response is not a json object"));
        StringBuilder text = new StringBuilder();
        boolean hasText = false;
        JsonArrayBuilder calls = JsonSupport.array();
        boolean hasCalls = false;
        JsonArray content = JsonSupport.array(message, "content");
        for (JsonValue value : content != null ? content : JsonValue.EMPTY_JSON_ARRAY) {
            JsonObject block = value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            String type = JsonSupport.string(block, "type");
            if ("text".equals(type) && JsonSupport.string(block, "text") != null) {
                text.append(JsonSupport.string(block, "text"));
                hasText = true;
            } else if ("tool_use".equals(type)) {
                JsonObject input = JsonSupport.object(block, "input");
                calls.add(JsonSupport.object().add("id", String.valueOf(JsonSupport.string(block, "id")))
                        .add("type", "function")
                        .add("function", JsonSupport.object().add("name", String.valueOf(JsonSupport.string(block, "name")))
                                .add("arguments", JsonSupport.write(input != null ? input : JsonValue.EMPTY_JSON_OBJECT))));
                hasCalls = true;
            }
            // Thinking blocks have no place in a chat completion and are left out.
        }
        JsonObjectBuilder reply = JsonSupport.object().add("role", "assistant");
        if (hasText) {
            reply.add("content", text.toString());
        } else {
            reply.addNull("content");
        }
        if (hasCalls) {
            reply.add("tool_calls", calls);
        }
        JsonObject choice = JsonSupport.object().add("index", 0).add("message", reply)
                .add("finish_reason", StopReasons.toFinishReason(JsonSupport.string(message, "stop_reason"))).build();
        JsonObject usage = JsonSupport.object(message, "usage");
        return JsonSupport.bytes(JsonSupport.object()
                .add("id", completionId(JsonSupport.string(message, "id")))
                .add("object", "chat.completion")
                .add("created", Instant.now().getEpochSecond())
                .add("model", model)
                .add("choices", JsonSupport.array().add(choice))
                .add("usage", UsageFields.toOpenAi(UsageFields.fromAnthropic(usage),
                        JsonSupport.count(usage, "cache_read_input_tokens")))
                .build());
    }

    /** {@code chatcmpl-} and the Anthropic message id, or a random one when the message has none. */
    static String completionId(String messageId) {
        return "chatcmpl-" + (messageId != null ? messageId : UUID.randomUUID().toString());
    }
}
