package io.iris.gateway.providers.anthropic;

import io.iris.gateway.providers.sse.SseWriter;
import jakarta.json.Json;

/** Pieces of the Anthropic event stream the gateway writes itself. */
final class AnthropicStreams {
    private AnthropicStreams() {
    }

    /** The {@code error} event that ends a broken stream; Anthropic client libraries raise on it. */
    static byte[] errorEvent(String message) {
        return SseWriter.event("error", Json.createObjectBuilder().add("type", "error")
                .add("error", Json.createObjectBuilder().add("type", "api_error").add("message", message))
                .build().toString());
    }
}
