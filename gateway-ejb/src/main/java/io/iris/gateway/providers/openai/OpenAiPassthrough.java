package io.iris.gateway.providers.openai;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.common.UpstreamMessages;
import io.iris.gateway.providers.ResponseCodec;
import io.iris.gateway.providers.StreamRelay;
import io.iris.gateway.providers.Usage;
import io.iris.gateway.providers.UsageJson;
import io.iris.gateway.providers.sse.SseFilter;
import io.iris.gateway.providers.sse.SseWriter;
import java.util.Optional;

/**
 * An OpenAI-format client served by an OpenAI-format upstream: the upstream's bytes go to the client as they
 * are, usage read on the side, with two exceptions in streams ({@link OpenAiChunks}): an error event the upstream
 * sends inside the stream is passed on cleaned of secrets, and when the gateway asked for usage on the client's
 * behalf ({@code hideUsage}), the usage-only chunk and the {@code usage} members of other chunks are taken out, so
 * the client gets the stream it asked for. Immutable; the relay it makes is per response.
 */
public final class OpenAiPassthrough implements ResponseCodec {
    private final boolean hideUsage;
    private final UpstreamMessages messages;

    /**
     * @param hideUsage the client did not ask for {@code stream_options.include_usage}: the gateway did
     * @param messages  cleans the upstream's error messages
     */
    public OpenAiPassthrough(boolean hideUsage, UpstreamMessages messages) {
        this.hideUsage = hideUsage;
        this.messages = messages;
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
        return new Relay(new OpenAiChunks(hideUsage, messages));
    }

    /** The error event an OpenAI client library raises on, sent when a stream breaks after its first byte. */
    public static byte[] errorEvent(String message) {
        String json = JsonP.PROVIDER.createObjectBuilder().add("error", JsonP.PROVIDER.createObjectBuilder()
                .add("message", message).add("type", "upstream_error").addNull("code").addNull("param")).build()
                .toString();
        return SseWriter.data(json);
    }

    private static final class Relay implements StreamRelay {
        private final OpenAiChunks chunks;
        private final SseFilter filter;

        Relay(OpenAiChunks chunks) {
            this.chunks = chunks;
            this.filter = new SseFilter(chunks);
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
            return errorEvent(message);
        }

        @Override
        public Optional<Usage> usage() {
            return chunks.usage();
        }
    }
}
