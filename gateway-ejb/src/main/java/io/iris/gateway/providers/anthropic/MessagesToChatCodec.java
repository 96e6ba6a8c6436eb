package io.iris.gateway.providers.anthropic;

import io.iris.gateway.common.UpstreamMessages;
import io.iris.gateway.providers.ResponseCodec;
import io.iris.gateway.providers.StreamRelay;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.providers.openai.OpenAiPassthrough;
import io.iris.gateway.providers.sse.SseEvent;
import io.iris.gateway.providers.sse.SseParser;
import io.iris.gateway.providers.sse.SseWriter;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * An OpenAI chat client served by an Anthropic upstream: answers translated to chat completions; an upstream
 * {@code error} event ends the client's stream with an error event whose message is cleaned of secrets.
 */
public final class MessagesToChatCodec implements ResponseCodec {
    private final String model;
    private final boolean includeUsage;
    private final UpstreamMessages messages;

    /**
     * @param includeUsage the client asked for a usage chunk ({@code stream_options.include_usage})
     * @param messages     cleans the upstream's error messages before the client sees them
     */
    public MessagesToChatCodec(String model, boolean includeUsage, UpstreamMessages messages) {
        this.model = model;
        this.includeUsage = includeUsage;
        this.messages = messages;
    }

    @Override
    public byte[] body(byte[] upstreamBody) {
        return AnthropicResponses.toChatCompletion(upstreamBody, model);
    }

    @Override
    public Optional<Usage> usage(byte[] upstreamBody) {
        return AnthropicResponses.usage(upstreamBody);
    }

    @Override
    public StreamRelay stream() {
        return new Relay(new AnthropicToChatStream(model, includeUsage), messages);
    }

    private static final class Relay implements StreamRelay {
        private final SseParser parser = new SseParser();
        private final AnthropicToChatStream translator;
        private final UpstreamMessages messages;
        private boolean errorSent;

        Relay(AnthropicToChatStream translator, UpstreamMessages messages) {
            this.translator = translator;
            this.messages = messages;
        }

        @Override
        public byte[] onBytes(byte[] chunk) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (SseEvent event : parser.feed(chunk, 0, chunk.length)) {
                translator.onEvent(event).forEach(json -> out.writeBytes(SseWriter.data(json)));
            }
            if (translator.failed() && !errorSent) {
                errorSent = true;
                out.writeBytes(OpenAiPassthrough.errorEvent(messages.streamError(translator.errorMessage())));
            }
            return out.toByteArray();
        }

        @Override
        public byte[] onEnd() {
            return translator.failed() ? new byte[0] : SseWriter.DONE;
        }

        @Override
        public byte[] onFailure(String message) {
            return OpenAiPassthrough.errorEvent(message);
        }

        @Override
        public Optional<Usage> usage() {
            return translator.reportedUsage();
        }
    }
}
