package io.iris.gateway.providers.anthropic;

import io.iris.gateway.common.UpstreamMessages;
import io.iris.gateway.providers.ResponseCodec;
import io.iris.gateway.providers.StreamRelay;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.providers.UsageJson;
import io.iris.gateway.providers.sse.SseEvent;
import io.iris.gateway.providers.sse.SseParser;
import io.iris.gateway.providers.sse.SseWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

/**
 * An Anthropic Messages client served by an OpenAI-format upstream: answers translated back to Messages; an
 * upstream error inside the stream becomes an {@code error} event whose message is cleaned of secrets.
 */
public final class ChatToMessagesCodec implements ResponseCodec {
    private final String model;
    private final UpstreamMessages messages;

    /** @param messages cleans the upstream's error messages before the client sees them */
    public ChatToMessagesCodec(String model, UpstreamMessages messages) {
        this.model = model;
        this.messages = messages;
    }

    @Override
    public byte[] body(byte[] upstreamBody) {
        return AnthropicResponses.toMessage(upstreamBody, model);
    }

    @Override
    public Optional<Usage> usage(byte[] upstreamBody) {
        return UsageJson.openAi(upstreamBody);
    }

    @Override
    public StreamRelay stream() {
        return new Relay(new ChatToAnthropicStream(model), messages);
    }

    private static final class Relay implements StreamRelay {
        private final SseParser parser = new SseParser();
        private final ChatToAnthropicStream translator;
        private final UpstreamMessages messages;

        Relay(ChatToAnthropicStream translator, UpstreamMessages messages) {
            this.translator = translator;
            this.messages = messages;
        }

        @Override
        public byte[] onBytes(byte[] chunk) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (SseEvent event : parser.feed(chunk, 0, chunk.length)) {
                List<SseEvent> translated = "[DONE]".equals(event.data()) ? translator.onDone()
                        : translator.onData(event.data());
                for (SseEvent e : translated) {
                    // The translation carries the upstream's error message as it came: cleaned here.
                    out.writeBytes("error".equals(e.event())
                            ? AnthropicStreams.errorEvent(messages.streamError(translator.errorMessage()))
                            : SseWriter.write(e));
                }
            }
            return out.toByteArray();
        }

        @Override
        public byte[] onEnd() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!translator.completed()) {
                translator.onDone().forEach(e -> out.writeBytes(SseWriter.write(e)));
            }
            return out.toByteArray();
        }

        @Override
        public byte[] onFailure(String message) {
            return AnthropicStreams.errorEvent(message);
        }

        @Override
        public Optional<Usage> usage() {
            return translator.reportedUsage();
        }
    }
}
