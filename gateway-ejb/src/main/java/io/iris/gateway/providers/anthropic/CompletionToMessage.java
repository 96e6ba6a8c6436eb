package io.iris.gateway.providers.anthropic;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.UUID;

/**
 * Translates an OpenAI chat completion into an Anthropic message; see
 * {@link AnthropicResponses#toMessage}. Only the first choice is kept. Stateless and thread-safe;
 * arguments must not be null.
 */
final class CompletionToMessage {

    private CompletionToMessage() {
    }

    static byte[] translate(byte[] openAiChatCompletion, String model) {
        JsonObject completion = JsonSupport.parseObject(openAiChatCompletion).orElseThrow(
                () -> new IllegalArgumentException("the upstream response is not a json object"));
        JsonArray choices = JsonSupport.array(completion, "choices");
        JsonObject choice = choices != null && !choices.isEmpty() && choices.get(0) instanceof JsonObject o
                ? o : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject reply = JsonSupport.object(choice, "message");
        JsonArrayBuilder content = JsonSupport.array();
        String text = ContentParts.text(reply == null ? null : reply.get("content"));
        if (text.isEmpty() && JsonSupport.string(reply, "refusal") != null) {
            text = JsonSupport.string(reply, "refusal");
        }
        if (!text.isEmpty()) {
            content.add(ContentParts.textBlock(text));
        }
        JsonArray calls = JsonSupport.array(reply, "tool_calls");
        for (JsonValue value : calls != null ? calls : JsonValue.EMPTY_JSON_ARRAY) {
            JsonObject call = value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            JsonObject function = JsonSupport.object(call, "function");
            String id = JsonSupport.string(call, "id");
            content.add(JsonSupport.object().add("type", "tool_use")
                    .add("id", id != null ? id : "toolu_" + UUID.randomUUID().toString().replace("-", ""))
                    .add("name", String.valueOf(JsonSupport.string(function, "name")))
                    .add("input", JsonSupport.argumentsObject(JsonSupport.string(function, "arguments"))));
        }
        JsonObject usage = JsonSupport.object(completion, "usage");
        return JsonSupport.bytes(JsonSupport.object()
                .add("id", messageId(JsonSupport.string(completion, "id")))
                .add("type", "message")
                .add("role", "assistant")
                .add("model", model)
                .add("content", content)
                .add("stop_reason", StopReasons.toStopReason(JsonSupport.string(choice, "finish_reason")))
                .addNull("stop_sequence")
                .add("usage", UsageFields.toAnthropic(UsageFields.fromOpenAi(usage),
                        UsageFields.openAiCachedTokens(usage)))
                .build());
    }

    /** {@code msg_} and the completion id, or a random one when the completion has none. */
    static String messageId(String completionId) {
        return "msg_" + (completionId != null ? completionId : UUID.randomUUID().toString().replace("-", ""));
    }
}
