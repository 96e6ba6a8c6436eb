package io.iris.gateway.providers.anthropic;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The limit, sampling, streaming, tool and metadata fields of an Anthropic Messages request, in OpenAI
 * terms. Fields OpenAI has no equivalent for ({@code top_k}, {@code thinking}, ...) are dropped.
 * Stateless and thread-safe; arguments must not be null.
 */
final class MessagesToChatOptions {

    private MessagesToChatOptions() {
    }

    static void copy(JsonObject request, JsonObjectBuilder out) {
        for (String key : new String[] {"max_tokens", "temperature", "top_p"}) {
            if (request.get(key) instanceof JsonNumber n) {
                out.add(key, n);
            }
        }
        JsonArray stop = JsonSupport.array(request, "stop_sequences");
        if (stop != null && !stop.isEmpty()) {
            out.add("stop", stop);
        }
        if (request.get("stream") == JsonValue.TRUE) {
            out.add("stream", true);
            out.add("stream_options", JsonSupport.object().add("include_usage", true));
        }
        JsonArray tools = tools(JsonSupport.array(request, "tools"));
        if (!tools.isEmpty()) {
            out.add("tools", tools);
            toolChoice(JsonSupport.object(request, "tool_choice"), out);
        }
        String user = JsonSupport.string(JsonSupport.object(request, "metadata"), "user_id");
        if (user != null) {
            out.add("user", user);
        }
    }

    /** Client tools only: server tools (web search, code execution ...) have a type and no schema. */
    private static JsonArray tools(JsonArray tools) {
        JsonArrayBuilder out = JsonSupport.array();
        if (tools == null) {
            return out.build();
        }
        for (JsonValue value : tools) {
            JsonObject tool = value instanceof JsonObject o ? o : null;
            String type = JsonSupport.string(tool, "type");
            if (tool == null || JsonSupport.string(tool, "name") == null || type != null && !"custom".equals(type)) {
                continue;
            }
            JsonObjectBuilder function = JsonSupport.object().add("name", JsonSupport.string(tool, "name"));
            String description = JsonSupport.string(tool, "description");
            if (description != null) {
                function.add("description", description);
            }
            JsonObject schema = JsonSupport.object(tool, "input_schema");
            function.add("parameters", schema != null ? schema : JsonSupport.object().add("type", "object").build());
            out.add(JsonSupport.object().add("type", "function").add("function", function));
        }
        return out.build();
    }

    private static void toolChoice(JsonObject choice, JsonObjectBuilder out) {
        String type = JsonSupport.string(choice, "type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "auto" -> out.add("tool_choice", "auto");
            case "any" -> out.add("tool_choice", "required");
            case "none" -> out.add("tool_choice", "none");
            case "tool" -> out.add("tool_choice", JsonSupport.object().add("type", "function")
                    .add("function", JsonSupport.object().add("name",
                            JsonSupport.required(choice, "name", "a tool_choice of type tool"))));
            default -> throw new IllegalArgumentException("tool_choice type " + type + " is not supported");
        }
        if (choice.get("disable_parallel_tool_use") == JsonValue.TRUE && !"none".equals(type)) {
            out.add("parallel_tool_calls", false);
        }
    }
}
