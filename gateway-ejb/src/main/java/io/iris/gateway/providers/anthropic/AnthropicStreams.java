package io.iris.gateway.providers.anthropic;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.providers.sse.SseWriter;

/** Pieces of the Anthropic event stream the gateway writes itself. */
final class AnthropicStreams {
    private AnthropicStreams() {
    }

    /** The {@code error} event that ends a broken stream; Anthropic client libraries raise on it. */
    static byte[] errorEvent(String message) {
        return SseWriter.event("error", JsonP.PROVIDER.createObjectBuilder().add("type", "error")
                .add("error", JsonP.PROVIDER.createObjectBuilder().add("type", "api_error").add("message", message))
                .build().toString());
    }
}
