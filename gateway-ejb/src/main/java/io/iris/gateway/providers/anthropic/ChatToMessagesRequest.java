package io.iris.gateway.providers.anthropic;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates an OpenAI chat completions request body into an Anthropic Messages request body; see
 * {@link AnthropicRequests#fromChat}. Stateless and thread-safe; the facade checks
 * the arguments for null.
 */
final class ChatToMessagesRequest {

    static final int DEFAULT_MAX_TOKENS = 4096;

    private ChatToMessagesRequest() {
    }

    static byte[] translate(byte[] body, String model) {
        JsonObject chat = JsonSupport.requireObject(body);
        JsonArray messages = JsonSupport.array(chat, "messages");
        if (messages == null) {
            throw new IllegalArgumentException("messages must be an array");
        }
        List<String> system = new ArrayList<>();
        Turns turns = new Turns();
        for (JsonValue value : messages) {
            if (!(value instanceof JsonObject message)) {
                throw new IllegalArgumentException("each message must be an object");
            }
            String role = String.valueOf(JsonSupport.string(message, "role"));
            switch (role) {
                case "system", "developer" -> {
                    String text = ContentParts.text(message.get("content"));
                    if (!text.isEmpty()) {
                        system.add(text);
                    }
                }
                case "user" -> turns.add("user", userBlocks(message.get("content")));
                case "assistant" -> turns.add("assistant", assistantBlocks(message));
                case "tool" -> turns.add("user", List.of(toolResult(message)));
                // Legacy "function" messages carry no call id that a tool_result could refer to.
                default -> throw new IllegalArgumentException("message role " + role + " is not supported");
            }
        }
        JsonObjectBuilder out = JsonSupport.object().add("model", model);
        if (!system.isEmpty()) {
            out.add("system", String.join("\n\n", system));
        }
        out.add("messages", turns.toJson());
        out.add("max_tokens", maxTokens(chat));
        ChatToMessagesOptions.copy(chat, out);
        return JsonSupport.bytes(out.build());
    }

    private static long maxTokens(JsonObject chat) {
        if (JsonSupport.has(chat, "max_completion_tokens")) {
            return JsonSupport.count(chat, "max_completion_tokens");
        }
        return JsonSupport.has(chat, "max_tokens") ? JsonSupport.count(chat, "max_tokens") : DEFAULT_MAX_TOKENS;
    }

    private static List<JsonObject> userBlocks(JsonValue content) {
        List<JsonObject> blocks = new ArrayList<>();
        if (content instanceof JsonString s) {
            addText(blocks, s.getString());
        } else if (content instanceof JsonArray parts) {
            for (JsonValue value : parts) {
                JsonObject part = value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
                String type = String.valueOf(JsonSupport.string(part, "type"));
                switch (type) {
                    case "text" -> addText(blocks, JsonSupport.string(part, "text"));
                    case "image_url" -> blocks.add(ContentParts.imageBlock(ContentParts.openAiImageUrl(part)));
                    default -> throw new IllegalArgumentException(
                            "content part type " + type + " is not supported by anthropic");
                }
            }
        }
        return blocks;
    }

    private static List<JsonObject> assistantBlocks(JsonObject message) {
        List<JsonObject> blocks = new ArrayList<>();
        addText(blocks, ContentParts.text(message.get("content")));
        JsonArray calls = JsonSupport.array(message, "tool_calls");
        if (calls != null) {
            for (JsonValue value : calls) {
                if (value instanceof JsonObject call) {
                    JsonObject function = JsonSupport.object(call, "function");
                    blocks.add(JsonSupport.object().add("type", "tool_use")
                            .add("id", JsonSupport.required(call, "id", "a tool call"))
                            .add("name", JsonSupport.required(function, "name", "a tool call function"))
                            .add("input", JsonSupport.argumentsObject(JsonSupport.string(function, "arguments")))
                            .build());
                }
            }
        }
        return blocks;
    }

    private static JsonObject toolResult(JsonObject message) {
        JsonObjectBuilder block = JsonSupport.object().add("type", "tool_result")
                .add("tool_use_id", JsonSupport.required(message, "tool_call_id", "a tool message"));
        String text = ContentParts.text(message.get("content"));
        if (!text.isEmpty()) {
            block.add("content", text);
        }
        return block.build();
    }

    /** Anthropic rejects empty text blocks, so empty text adds nothing. */
    private static void addText(List<JsonObject> blocks, String text) {
        if (text != null && !text.isEmpty()) {
            blocks.add(ContentParts.textBlock(text));
        }
    }
}
