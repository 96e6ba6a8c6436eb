package io.iris.gateway.providers.anthropic;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.common.UpstreamMessages;
import io.iris.gateway.providers.sse.SseEvent;
import io.iris.gateway.providers.sse.SseWriter;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.regex.Pattern;

/** Pieces of the Anthropic event stream the gateway writes itself. */
final class AnthropicStreams {
    /** Anthropic's error types are short snake_case words; anything else is reported as {@code api_error}. */
    private static final Pattern ERROR_TYPE = Pattern.compile("[a-z_]{1,64}");

    private AnthropicStreams() {
    }

    /** The {@code error} event that ends a broken stream; Anthropic client libraries raise on it. */
    static byte[] errorEvent(String message) {
        return errorEvent("api_error", message);
    }

    static byte[] errorEvent(String type, String message) {
        return SseWriter.event("error", JsonP.PROVIDER.createObjectBuilder().add("type", "error")
                .add("error", JsonP.PROVIDER.createObjectBuilder().add("type", type).add("message", message))
                .build().toString());
    }

    /**
     * For an upstream {@code error} event (named so, or of JSON type {@code error}), the event to send instead: the
     * same error type, the message cleaned of secrets; empty for any other event.
     */
    static Optional<byte[]> cleanedError(SseEvent event, UpstreamMessages messages) {
        if (!"error".equals(event.event()) && !event.data().contains("\"error\"")) {
            return Optional.empty();
        }
        JsonObject data = JsonSupport.parse(event.data()).flatMap(JsonSupport::asObject).orElse(null);
        String declared = JsonSupport.string(data, "type");
        if (!"error".equals(declared != null ? declared : event.event())) {
            return Optional.empty();
        }
        JsonObject error = data == null ? null : JsonSupport.object(data, "error");
        String type = JsonSupport.string(error, "type");
        String message = JsonSupport.string(error, "message");
        return Optional.of(errorEvent(type != null && ERROR_TYPE.matcher(type).matches() ? type : "api_error",
                messages.streamError(message == null ? "" : message)));
    }
}
