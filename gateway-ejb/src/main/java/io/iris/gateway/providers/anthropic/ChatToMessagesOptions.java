package io.iris.gateway.providers.anthropic;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The sampling, streaming, tool and metadata fields of an OpenAI chat request, in Anthropic terms.
 * Fields Anthropic has no equivalent for are dropped. Stateless and thread-safe; arguments must not be null.
 */
final class ChatToMessagesOptions {

    private ChatToMessagesOptions() {
    }

    static void copy(JsonObject chat, JsonObjectBuilder out) {
        for (String key : new String[] {"temperature", "top_p"}) {
            if (chat.get(key) instanceof JsonNumber n) {
                out.add(key, n);
            }
        }
        JsonValue stop = chat.get("stop");
        if (stop instanceof JsonString s) {
            out.add("stop_sequences", JsonSupport.array().add(s));
        } else if (stop instanceof JsonArray a && !a.isEmpty()) {
            out.add("stop_sequences", a);
        }
        if (chat.get("stream") == JsonValue.TRUE) {
            out.add("stream", true);
        }
        JsonArray tools = tools(JsonSupport.array(chat, "tools"));
        if (!tools.isEmpty()) {
            out.add("tools", tools);
            JsonObject choice = toolChoice(chat.get("tool_choice"), chat.get("parallel_tool_calls"));
            if (choice != null) {
                out.add("tool_choice", choice);
            }
        }
        String user = JsonSupport.string(chat, "user");
        if (user != null && !user.isEmpty()) {
            out.add("metadata", JsonSupport.object().add("user_id", user));
        }
    }

    private static JsonArray tools(JsonArray tools) {
        JsonArrayBuilder out = JsonSupport.array();
        if (tools == null) {
            return out.build();
        }
        for (JsonValue value : tools) {
            JsonObject function = value instanceof JsonObject tool && "function".equals(JsonSupport.string(tool, "type"))
                    ? JsonSupport.object(tool, "function") : null;
            if (function == null || JsonSupport.string(function, "name") == null) {
                continue; // only function tools exist on both sides
            }
            JsonObjectBuilder tool = JsonSupport.object().add("name", JsonSupport.string(function, "name"));
            String description = JsonSupport.string(function, "description");
            if (description != null) {
                tool.add("description", description);
            }
            JsonObject parameters = JsonSupport.object(function, "parameters");
            tool.add("input_schema", parameters != null ? parameters
                    : JsonSupport.object().add("type", "object").build());
            out.add(tool);
        }
        return out.build();
    }

    /** Null when the request leaves the choice to the default and allows parallel calls. */
    private static JsonObject toolChoice(JsonValue choice, JsonValue parallel) {
        JsonObjectBuilder out = null;
        if (choice instanceof JsonString s) {
            switch (s.getString()) {
                case "none" -> {
                    return JsonSupport.object().add("type", "none").build();
                }
                case "required" -> out = JsonSupport.object().add("type", "any");
                case "auto" -> out = JsonSupport.object().add("type", "auto");
                default -> throw new IllegalArgumentException("tool_choice " + s.getString() + " is not supported");
            }
        } else if (choice instanceof JsonObject o) {
            String name = JsonSupport.string(JsonSupport.object(o, "function"), "name");
            if (name == null) {
                throw new IllegalArgumentException("tool_choice must name a function");
            }
            out = JsonSupport.object().add("type", "tool").add("name", name);
        }
        if (parallel == JsonValue.FALSE) {
            out = out != null ? out : JsonSupport.object().add("type", "auto");
            out.add("disable_parallel_tool_use", true);
        }
        return out == null ? null : out.build();
    }
}
