package io.iris.gateway.providers.anthropic;

import io.iris.gateway.providers.ResponseCodec;
import io.iris.gateway.providers.StreamRelay;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.providers.sse.SseEvent;
import io.iris.gateway.providers.sse.SseParser;
import java.util.Optional;

/**
 * An Anthropic Messages client served by an Anthropic upstream: bytes pass through; usage is read from the
 * body, or from {@code message_start} and {@code message_delta} of a stream. Stateless.
 */
public final class AnthropicPassthrough implements ResponseCodec {
    public static final AnthropicPassthrough INSTANCE = new AnthropicPassthrough();

    private AnthropicPassthrough() {
    }

    @Override
    public byte[] body(byte[] upstreamBody) {
        return upstreamBody;
    }

    @Override
    public Optional<Usage> usage(byte[] upstreamBody) {
        return AnthropicResponses.usage(upstreamBody);
    }

    @Override
    public StreamRelay stream() {
        return new Relay();
    }

    private static final class Relay implements StreamRelay {
        private final SseParser parser = new SseParser();
        private final AnthropicToChatStream usageReader = new AnthropicToChatStream("", true);

        @Override
        public byte[] onBytes(byte[] chunk) {
            for (SseEvent event : parser.feed(chunk, 0, chunk.length)) {
                usageReader.onEvent(event);
            }
            return chunk;
        }

        @Override
        public byte[] onEnd() {
            return new byte[0];
        }

        @Override
        public byte[] onFailure(String message) {
            return AnthropicStreams.errorEvent(message);
        }

        @Override
        public Optional<Usage> usage() {
            return usageReader.reportedUsage();
        }
    }
}
