package io.iris.gateway.providers.anthropic;

import io.iris.gateway.providers.Usage;
import io.iris.gateway.providers.sse.SseEvent;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Translates an OpenAI chat completions stream into Anthropic Messages events, one {@code data:}
 * payload at a time: {@code message_start} first; content blocks numbered in the order they open (text,
 * then one per tool call), only one open at a time; {@code message_delta} with the stop reason and usage
 * once both the finish reason and the usage chunk have been seen (else at {@code [DONE]}), then
 * {@code message_stop}. Only the first choice is followed. An upstream {@code error} payload yields an
 * Anthropic {@code error} event and ends the translation.
 *
 * <p>Not thread-safe: one instance per response, fed from one thread at a time.
 */
public final class ChatToAnthropicStream {

    private final String model;
    private final Map<Integer, Integer> blockByToolIndex = new HashMap<>();
    private boolean started;
    private int nextBlock;
    private int openBlock = -1;
    private boolean textOpen;
    private String stopReason;
    private Usage usage;
    private long cachedTokens;
    private boolean deltaSent;
    private boolean completed;
    private String errorMessage;

    /** @param model the model to report in {@code message_start}, not null */
    public ChatToAnthropicStream(String model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * @param data one upstream {@code data:} payload, not null; {@code [DONE]} is passed to
     *     {@link #onDone()}, and text that is not a JSON object is ignored
     * @return the events to send, named after their type; never null
     */
    public List<SseEvent> onData(String data) {
        Objects.requireNonNull(data, "data");
        if ("[DONE]".equals(data.strip())) {
            return onDone();
        }
        JsonObject chunk = JsonSupport.parse(data).flatMap(JsonSupport::asObject).orElse(null);
        if (chunk == null || errorMessage != null) {
            return List.of();
        }
        JsonObject chunkUsage = JsonSupport.object(chunk, "usage");
        if (chunkUsage != null) {
            usage = UsageFields.fromOpenAi(chunkUsage);
            cachedTokens = UsageFields.openAiCachedTokens(chunkUsage);
        }
        if (completed) {
            return List.of();
        }
        List<SseEvent> events = new ArrayList<>();
        if (JsonSupport.has(chunk, "error")) {
            return error(chunk, events);
        }
        start(JsonSupport.string(chunk, "id"), events);
        JsonArray choices = JsonSupport.array(chunk, "choices");
        JsonObject choice = choices != null && !choices.isEmpty() && choices.get(0) instanceof JsonObject o ? o : null;
        JsonObject delta = JsonSupport.object(choice, "delta");
        String text = Objects.requireNonNullElse(JsonSupport.string(delta, "content"),
                Objects.requireNonNullElse(JsonSupport.string(delta, "refusal"), ""));
        if (!text.isEmpty()) {
            text(text, events);
        }
        JsonArray calls = JsonSupport.array(delta, "tool_calls");
        for (int i = 0; calls != null && i < calls.size(); i++) {
            if (calls.get(i) instanceof JsonObject call) {
                toolCall(call, i, events);
            }
        }
        if (JsonSupport.string(choice, "finish_reason") != null) {
            stopReason = StopReasons.toStopReason(JsonSupport.string(choice, "finish_reason"));
            closeBlock(events);
        }
        if (stopReason != null && usage != null) {
            finish(events);
        }
        return events;
    }

    /** Ends the stream at {@code [DONE]}: closes what is open and sends what has not been sent. */
    public List<SseEvent> onDone() {
        List<SseEvent> events = new ArrayList<>();
        if (errorMessage == null && !completed) {
            start(null, events);
            finish(events);
        }
        return events;
    }

    private void start(String chunkId, List<SseEvent> events) {
        if (started) {
            return;
        }
        started = true;
        events.add(AnthropicEvents.messageStart(CompletionToMessage.messageId(chunkId), model, anthropicUsage()));
    }

    private void text(String text, List<SseEvent> events) {
        if (!textOpen) {
            openBlock(JsonSupport.object().add("type", "text").add("text", ""), events);
            textOpen = true;
        }
        events.add(AnthropicEvents.blockDelta(openBlock, JsonSupport.object().add("type", "text_delta").add("text", text)));
    }

    private void toolCall(JsonObject call, int position, List<SseEvent> events) {
        int toolIndex = JsonSupport.has(call, "index") ? (int) JsonSupport.count(call, "index") : position;
        JsonObject function = JsonSupport.object(call, "function");
        Integer block = blockByToolIndex.get(toolIndex);
        if (block == null) {
            String id = JsonSupport.string(call, "id");
            openBlock(JsonSupport.object().add("type", "tool_use")
                    .add("id", id != null ? id : "toolu_" + UUID.randomUUID().toString().replace("-", ""))
                    .add("name", Objects.requireNonNullElse(JsonSupport.string(function, "name"), ""))
                    .add("input", JsonValue.EMPTY_JSON_OBJECT), events);
            block = openBlock;
            blockByToolIndex.put(toolIndex, block);
        }
        String arguments = JsonSupport.string(function, "arguments");
        if (arguments != null && !arguments.isEmpty()) {
            // Upstreams send one call's arguments before the next call's; should one interleave, the
            // delta still names its own block, which the Anthropic SDKs accumulate by index.
            events.add(AnthropicEvents.blockDelta(block,
                    JsonSupport.object().add("type", "input_json_delta").add("partial_json", arguments)));
        }
    }

    private void openBlock(JsonObjectBuilder block, List<SseEvent> events) {
        closeBlock(events);
        openBlock = nextBlock++;
        events.add(AnthropicEvents.blockStart(openBlock, block));
    }

    private void closeBlock(List<SseEvent> events) {
        if (openBlock >= 0) {
            events.add(AnthropicEvents.blockStop(openBlock));
            openBlock = -1;
            textOpen = false;
        }
    }

    private void finish(List<SseEvent> events) {
        closeBlock(events);
        if (!deltaSent) {
            deltaSent = true;
            events.add(AnthropicEvents.messageDelta(stopReason != null ? stopReason : "end_turn", anthropicUsage()));
        }
        completed = true;
        events.add(AnthropicEvents.messageStop());
    }

    private List<SseEvent> error(JsonObject chunk, List<SseEvent> events) {
        String message = JsonSupport.string(JsonSupport.object(chunk, "error"), "message");
        message = message != null ? message : JsonSupport.string(chunk, "error");
        errorMessage = ErrorBodies.truncate(message != null && !message.isBlank() ? message : ErrorBodies.NO_MESSAGE);
        events.add(AnthropicEvents.error("api_error", errorMessage));
        return events;
    }

    private JsonObject anthropicUsage() {
        return UsageFields.toAnthropic(usage(), cachedTokens);
    }

    /** Tokens reported so far by the upstream's usage chunk; {@link Usage#NONE} before it. */
    public Usage usage() {
        return usage != null ? usage : Usage.NONE;
    }

    /** The usage of the upstream's usage chunk; empty until one came. */
    public Optional<Usage> reportedUsage() {
        return Optional.ofNullable(usage);
    }

    /** Whether {@code message_stop} has been produced. */
    public boolean completed() {
        return completed;
    }

    /** Whether the upstream sent an error payload. */
    public boolean failed() {
        return errorMessage != null;
    }

    /** The upstream error's message; null unless {@link #failed()}. */
    public String errorMessage() {
        return errorMessage;
    }
}
