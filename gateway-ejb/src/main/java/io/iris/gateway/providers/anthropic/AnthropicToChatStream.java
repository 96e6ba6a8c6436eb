package io.iris.gateway.providers.anthropic;

import io.iris.gateway.providers.Usage;
import io.iris.gateway.providers.sse.SseEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Translates an Anthropic Messages event stream into OpenAI {@code chat.completion.chunk} objects, one
 * upstream event at a time. Every chunk carries the same id ({@code chatcmpl-} and the message id) and
 * {@code created}. {@code ping}, thinking and unknown events yield nothing; an {@code error} event
 * yields nothing either but marks the stream {@link #failed()}, so that the caller ends the client's
 * stream with an error rather than a clean {@code [DONE]}.
 *
 * <p>Not thread-safe: one instance per response, fed from one thread at a time.
 */
public final class AnthropicToChatStream {

    private final String model;
    private final boolean includeUsage;
    private final long created = Instant.now().getEpochSecond();
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    private String id;
    private long promptTokens;
    private long completionTokens;
    private long cachedTokens;
    private boolean completed;
    private boolean finalOutputSeen;
    private String errorType;
    private String errorMessage;

    /**
     * @param model the model to report in each chunk, not null
     * @param includeUsage whether the client asked for {@code stream_options.include_usage}: then
     *     {@code message_stop} yields a last chunk with empty {@code choices} and the usage
     */
    public AnthropicToChatStream(String model, boolean includeUsage) {
        this.model = Objects.requireNonNull(model, "model");
        this.includeUsage = includeUsage;
    }

    /**
     * @param event one upstream event, not null; its type is read from the JSON {@code type}, else the
     *     event name; data that is not a JSON object is ignored
     * @return the chunk JSON texts to send, each as one {@code data:} event; never null
     */
    public List<String> onEvent(SseEvent event) {
        Objects.requireNonNull(event, "event");
        JsonObject data = JsonSupport.parse(event.data()).flatMap(JsonSupport::asObject).orElse(null);
        if (data == null) {
            return List.of();
        }
        String type = Objects.requireNonNullElse(JsonSupport.string(data, "type"), String.valueOf(event.event()));
        return switch (type) {
            case "message_start" -> messageStart(JsonSupport.object(data, "message"));
            case "content_block_start" -> blockStart(data);
            case "content_block_delta" -> blockDelta(data);
            case "message_delta" -> messageDelta(data);
            case "message_stop" -> messageStop();
            case "error" -> error(JsonSupport.object(data, "error"));
            default -> List.of();
        };
    }

    private List<String> messageStart(JsonObject message) {
        if (id == null && JsonSupport.string(message, "id") != null) {
            id = MessageToCompletion.completionId(JsonSupport.string(message, "id"));
        }
        JsonObject usage = JsonSupport.object(message, "usage");
        promptTokens = UsageFields.anthropicPromptTokens(usage);
        cachedTokens = JsonSupport.count(usage, "cache_read_input_tokens");
        completionTokens = JsonSupport.count(usage, "output_tokens");
        return List.of(chunk(JsonSupport.object().add("role", "assistant").add("content", ""), null));
    }

    private List<String> blockStart(JsonObject data) {
        JsonObject block = JsonSupport.object(data, "content_block");
        String type = JsonSupport.string(block, "type");
        if ("text".equals(type)) {
            String text = JsonSupport.string(block, "text");
            return text == null || text.isEmpty() ? List.of() : List.of(content(text));
        }
        if (!"tool_use".equals(type)) {
            return List.of();
        }
        int toolIndex = toolIndexByBlock.size();
        toolIndexByBlock.put((int) JsonSupport.count(data, "index"), toolIndex);
        JsonObjectBuilder call = JsonSupport.object().add("index", toolIndex)
                .add("id", String.valueOf(JsonSupport.string(block, "id"))).add("type", "function")
                .add("function", JsonSupport.object()
                        .add("name", String.valueOf(JsonSupport.string(block, "name"))).add("arguments", ""));
        return List.of(chunk(JsonSupport.object().add("tool_calls", JsonSupport.array().add(call)), null));
    }

    private List<String> blockDelta(JsonObject data) {
        JsonObject delta = JsonSupport.object(data, "delta");
        String type = JsonSupport.string(delta, "type");
        if ("text_delta".equals(type)) {
            String text = JsonSupport.string(delta, "text");
            return text == null || text.isEmpty() ? List.of() : List.of(content(text));
        }
        Integer toolIndex = toolIndexByBlock.get((int) JsonSupport.count(data, "index"));
        String json = JsonSupport.string(delta, "partial_json");
        if (!"input_json_delta".equals(type) || toolIndex == null || json == null || json.isEmpty()) {
            return List.of();
        }
        JsonObjectBuilder call = JsonSupport.object().add("index", toolIndex)
                .add("function", JsonSupport.object().add("arguments", json));
        return List.of(chunk(JsonSupport.object().add("tool_calls", JsonSupport.array().add(call)), null));
    }

    private List<String> messageDelta(JsonObject data) {
        JsonObject usage = JsonSupport.object(data, "usage");
        if (JsonSupport.has(usage, "output_tokens")) {
            completionTokens = JsonSupport.count(usage, "output_tokens");
            finalOutputSeen = true;
        }
        if (JsonSupport.has(usage, "input_tokens")) {
            promptTokens = Math.max(promptTokens, UsageFields.anthropicPromptTokens(usage));
        }
        String stopReason = JsonSupport.string(JsonSupport.object(data, "delta"), "stop_reason");
        return List.of(chunk(JsonSupport.object(), StopReasons.toFinishReason(stopReason)));
    }

    private List<String> messageStop() {
        completed = true;
        if (!includeUsage) {
            return List.of();
        }
        return List.of(JsonSupport.write(header().add("choices", JsonValue.EMPTY_JSON_ARRAY)
                .add("usage", UsageFields.toOpenAi(usage(), cachedTokens)).build()));
    }

    private List<String> error(JsonObject error) {
        errorType = Objects.requireNonNullElse(JsonSupport.string(error, "type"), "api_error");
        errorMessage = Objects.requireNonNullElse(JsonSupport.string(error, "message"), ErrorBodies.NO_MESSAGE);
        return List.of();
    }

    private String content(String text) {
        return chunk(JsonSupport.object().add("content", text), null);
    }

    private String chunk(JsonObjectBuilder delta, String finishReason) {
        JsonObjectBuilder choice = JsonSupport.object().add("index", 0).add("delta", delta);
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        return JsonSupport.write(header().add("choices", JsonSupport.array().add(choice)).build());
    }

    private JsonObjectBuilder header() {
        if (id == null) {
            id = MessageToCompletion.completionId(UUID.randomUUID().toString());
        }
        return JsonSupport.object().add("id", id).add("object", "chat.completion.chunk")
                .add("created", created).add("model", model);
    }

    /** Tokens reported so far: prompt from {@code message_start}, completion from the last delta. */
    public Usage usage() {
        return new Usage(promptTokens, completionTokens);
    }

    /**
     * The call's usage once the upstream has reported its final output count ({@code message_delta} with
     * {@code output_tokens}) or ended the message; empty before (counts from {@code message_start} alone are not
     * the call's usage).
     */
    public Optional<Usage> reportedUsage() {
        return finalOutputSeen || completed ? Optional.of(usage()) : Optional.empty();
    }

    /** Whether {@code message_stop} has been seen. */
    public boolean completed() {
        return completed;
    }

    /** Whether the upstream sent an {@code error} event. */
    public boolean failed() {
        return errorMessage != null;
    }

    /** The message of the upstream {@code error} event; null unless {@link #failed()}. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The Anthropic type of the upstream {@code error} event, such as {@code overloaded_error}; null unless {@link #failed()}. */
    public String errorType() {
        return errorType;
    }
}
