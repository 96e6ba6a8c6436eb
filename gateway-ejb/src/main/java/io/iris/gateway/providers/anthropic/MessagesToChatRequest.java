package io.iris.gateway.providers.anthropic;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates an Anthropic Messages request body into an OpenAI chat completions request body; see
 * {@link AnthropicRequests#toChat}. Stateless and thread-safe; the facade checks
 * the arguments for null.
 */
final class MessagesToChatRequest {

    private MessagesToChatRequest() {
    }

    static byte[] translate(byte[] body, String model) {
        JsonObject request = JsonSupport.requireObject(body);
        JsonArray messages = JsonSupport.array(request, "messages");
        if (messages == null) {
            throw new IllegalArgumentException("messages must be an array");
        }
        JsonArrayBuilder out = JsonSupport.array();
        JsonValue system = request.get("system");
        String systemText = ContentParts.text(system);
        if (!systemText.isEmpty()) {
            out.add(JsonSupport.object().add("role", "system").add("content", systemText));
        }
        for (JsonValue value : messages) {
            if (!(value instanceof JsonObject message)) {
                throw new IllegalArgumentException("each message must be an object");
            }
            String role = String.valueOf(JsonSupport.string(message, "role"));
            switch (role) {
                case "user" -> user(message.get("content"), out);
                case "assistant" -> out.add(assistant(message.get("content")));
                default -> throw new IllegalArgumentException("message role " + role + " is not supported");
            }
        }
        JsonObjectBuilder chat = JsonSupport.object().add("model", model).add("messages", out);
        MessagesToChatOptions.copy(request, chat);
        return JsonSupport.bytes(chat.build());
    }

    /** Tool results become tool messages, which OpenAI wants right after the assistant's calls. */
    private static void user(JsonValue content, JsonArrayBuilder out) {
        List<JsonObject> parts = new ArrayList<>();
        for (JsonValue value : blocks(content)) {
            JsonObject block = (JsonObject) value;
            String type = String.valueOf(JsonSupport.string(block, "type"));
            switch (type) {
                case "text" -> parts.add(ContentParts.textBlock(String.valueOf(JsonSupport.string(block, "text"))));
                case "image" -> parts.add(JsonSupport.object().add("type", "image_url")
                        .add("image_url", JsonSupport.object().add("url", ContentParts.imageUrl(block))).build());
                case "tool_result" -> out.add(JsonSupport.object().add("role", "tool")
                        .add("tool_call_id", JsonSupport.required(block, "tool_use_id", "a tool_result block"))
                        .add("content", ContentParts.text(block.get("content"))));
                default -> throw new IllegalArgumentException(
                        "content block type " + type + " is not supported by this provider");
            }
        }
        if (parts.size() == 1 && "text".equals(JsonSupport.string(parts.get(0), "type"))) {
            out.add(JsonSupport.object().add("role", "user").add("content", JsonSupport.string(parts.get(0), "text")));
        } else if (!parts.isEmpty()) {
            JsonArrayBuilder array = JsonSupport.array();
            parts.forEach(array::add);
            out.add(JsonSupport.object().add("role", "user").add("content", array));
        }
    }

    private static JsonObject assistant(JsonValue content) {
        StringBuilder text = new StringBuilder();
        JsonArrayBuilder calls = JsonSupport.array();
        boolean hasCalls = false;
        for (JsonValue value : blocks(content)) {
            JsonObject block = (JsonObject) value;
            String type = String.valueOf(JsonSupport.string(block, "type"));
            if ("text".equals(type)) {
                text.append(String.valueOf(JsonSupport.string(block, "text")));
            } else if ("tool_use".equals(type)) {
                JsonObject input = JsonSupport.object(block, "input");
                calls.add(JsonSupport.object().add("id", JsonSupport.required(block, "id", "a tool_use block"))
                        .add("type", "function")
                        .add("function", JsonSupport.object()
                                .add("name", JsonSupport.required(block, "name", "a tool_use block"))
                                .add("arguments", JsonSupport.write(input != null ? input : JsonValue.EMPTY_JSON_OBJECT))));
                hasCalls = true;
            }
            // Thinking and server-tool blocks have no OpenAI counterpart and are left out.
        }
        JsonObjectBuilder message = JsonSupport.object().add("role", "assistant");
        if (text.isEmpty() && hasCalls) {
            message.addNull("content");
        } else {
            message.add("content", text.toString());
        }
        if (hasCalls) {
            message.add("tool_calls", calls);
        }
        return message.build();
    }

    /** The blocks of a content value; a string is one text block. */
    private static JsonArray blocks(JsonValue content) {
        if (content instanceof JsonString s) {
            return JsonSupport.array().add(ContentParts.textBlock(s.getString())).build();
        }
        if (!(content instanceof JsonArray array)) {
            throw new IllegalArgumentException("message content must be a string or an array of blocks");
        }
        for (JsonValue value : array) {
            if (!(value instanceof JsonObject)) {
                throw new IllegalArgumentException("each content block must be an object");
            }
        }
        return array;
    }
}
