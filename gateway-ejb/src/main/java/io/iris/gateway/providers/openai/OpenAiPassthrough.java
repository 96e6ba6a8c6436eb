package io.iris.gateway.providers.openai;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.providers.ResponseCodec;
import io.iris.gateway.providers.StreamRelay;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.providers.UsageJson;
import io.iris.gateway.providers.sse.SseEvent;
import io.iris.gateway.providers.sse.SseParser;
import io.iris.gateway.providers.sse.SseWriter;
import java.util.Optional;

/**
 * An OpenAI-format client served by an OpenAI-format upstream: the upstream's bytes go to the client as they
 * are; usage is read on the side. Stateless; the relay it makes is per response.
 */
public final class OpenAiPassthrough implements ResponseCodec {
    public static final OpenAiPassthrough INSTANCE = new OpenAiPassthrough();

    private OpenAiPassthrough() {
    }

    @Override
    public byte[] body(byte[] upstreamBody) {
        return upstreamBody;
    }

    @Override
    public Optional<Usage> usage(byte[] upstreamBody) {
        return UsageJson.openAi(upstreamBody);
    }

    @Override
    public StreamRelay stream() {
        return new Relay();
    }

    /** The error event an OpenAI client library raises on, sent when a stream breaks after its first byte. */
    public static byte[] errorEvent(String message) {
        String json = JsonP.PROVIDER.createObjectBuilder().add("error", JsonP.PROVIDER.createObjectBuilder()
                .add("message", message).add("type", "upstream_error").addNull("code").addNull("param")).build()
                .toString();
        return SseWriter.data(json);
    }

    private static final class Relay implements StreamRelay {
        private final SseParser parser = new SseParser();
        private Optional<Usage> usage = Optional.empty();

        @Override
        public byte[] onBytes(byte[] chunk) {
            for (SseEvent event : parser.feed(chunk, 0, chunk.length)) {
                UsageJson.openAiChunk(event.data()).ifPresent(u -> usage = Optional.of(u));
            }
            return chunk;
        }

        @Override
        public byte[] onEnd() {
            return new byte[0];
        }

        @Override
        public byte[] onFailure(String message) {
            return errorEvent(message);
        }

        @Override
        public Optional<Usage> usage() {
            return usage;
        }
    }
}
