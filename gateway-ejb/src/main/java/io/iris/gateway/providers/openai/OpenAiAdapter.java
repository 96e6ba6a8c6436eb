package io.iris.gateway.providers.openai;

import io.iris.gateway.common.UpstreamMessages;
import io.iris.gateway.providers.Endpoint;
import io.iris.gateway.providers.ProviderAdapter;
import io.iris.gateway.providers.ResponseCodec;
import io.iris.gateway.providers.UpstreamRequest;
import io.iris.gateway.proxy.RequestJson;
import io.iris.gateway.snapshot.ProviderRoute;
import io.iris.gateway.snapshot.UpstreamKey;
import java.net.URI;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Any OpenAI-compatible upstream (OpenAI, vLLM, Ollama, Groq, ...): {@code base_url} + the operation's path,
 * {@code Authorization: Bearer}, the body as the client sent it with only the model rewritten, and on streams of
 * chat or legacy completions {@code stream_options.include_usage} set, since these upstreams report a stream's
 * usage only when asked (the usage chunk the client did not ask for is taken out again on the way back). Anthropic
 * Messages clients are translated to chat completions and back. Stateless.
 */
public final class OpenAiAdapter implements ProviderAdapter {
    private final BiFunction<byte[], String, byte[]> messagesToChat;
    private final BiFunction<String, UpstreamMessages, ResponseCodec> chatToMessages;

    /**
     * @param messagesToChat translates an Anthropic Messages request body into a chat request for a model (a stream
     *                       asking for usage)
     * @param chatToMessages for a model, reads chat answers back as Anthropic Messages answers
     */
    public OpenAiAdapter(BiFunction<byte[], String, byte[]> messagesToChat,
                         BiFunction<String, UpstreamMessages, ResponseCodec> chatToMessages) {
        this.messagesToChat = messagesToChat;
        this.chatToMessages = chatToMessages;
    }

    @Override
    public UpstreamRequest prepare(Endpoint endpoint, ProviderRoute provider, UpstreamKey key, String model,
                                   RequestJson body, boolean stream) {
        URI uri = URI.create(trimSlash(provider.baseUrl()) + "/" + openAiPath(endpoint));
        Map<String, String> headers = Map.of("Authorization", "Bearer " + key.value(),
                "Content-Type", "application/json");
        UpstreamMessages messages = new UpstreamMessages(provider.name(), key.value());
        return new UpstreamRequest(uri, headers, body(endpoint, body, model, stream),
                codec(endpoint, model, stream && !body.asksForUsage(), messages));
    }

    /** The body for an OpenAI-format upstream, translated when the client spoke Anthropic Messages. */
    byte[] body(Endpoint endpoint, RequestJson body, String model, boolean stream) {
        if (endpoint == Endpoint.MESSAGES) {
            return messagesToChat.apply(body.forUpstream(model), model);
        }
        return body.forUpstream(model, stream && reportsUsageInStreams(endpoint));
    }

    ResponseCodec codec(Endpoint endpoint, String model, boolean hideUsage, UpstreamMessages messages) {
        return endpoint == Endpoint.MESSAGES ? chatToMessages.apply(model, messages)
                : new OpenAiPassthrough(hideUsage, messages);
    }

    /** The operations whose streams carry usage when {@code stream_options.include_usage} asks for it. */
    static boolean reportsUsageInStreams(Endpoint endpoint) {
        return endpoint == Endpoint.CHAT || endpoint == Endpoint.COMPLETIONS;
    }

    static String openAiPath(Endpoint endpoint) {
        return endpoint == Endpoint.MESSAGES ? Endpoint.CHAT.openAiPath() : endpoint.openAiPath();
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
