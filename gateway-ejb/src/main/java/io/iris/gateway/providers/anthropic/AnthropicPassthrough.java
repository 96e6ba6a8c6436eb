package io.iris.gateway.providers.anthropic;

import io.iris.gateway.common.UpstreamMessages;
import io.iris.gateway.providers.ResponseCodec;
import io.iris.gateway.providers.StreamRelay;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.providers.sse.SseEvent;
import io.iris.gateway.providers.sse.SseFilter;
import java.util.Optional;

/**
 * An Anthropic Messages client served by an Anthropic upstream: bytes pass through, except an {@code error} event
 * inside a stream, passed on with its message cleaned of secrets; usage is read from the body, or from
 * {@code message_start} and {@code message_delta} of a stream. Immutable; the relay it makes is per response.
 */
public final class AnthropicPassthrough implements ResponseCodec {
    private final UpstreamMessages messages;

    /** @param messages cleans the upstream's error messages */
    public AnthropicPassthrough(UpstreamMessages messages) {
        this.messages = messages;
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
        return new Relay(messages);
    }

    private static final class Relay implements StreamRelay, SseFilter.Rewrite {
        private final AnthropicToChatStream usageReader = new AnthropicToChatStream("", true);
        private final SseFilter filter = new SseFilter(this);
        private final UpstreamMessages messages;

        Relay(UpstreamMessages messages) {
            this.messages = messages;
        }

        @Override
        public byte[] rewrite(SseEvent event) {
            usageReader.onEvent(event);
            return AnthropicStreams.cleanedError(event, messages).orElse(KEEP);
        }

        @Override
        public byte[] onBytes(byte[] chunk) {
            return filter.onBytes(chunk);
        }

        @Override
        public byte[] onEnd() {
            return filter.onEnd();
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
