package io.iris.gateway.providers.openai;

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
import java.util.function.Function;

/**
 * Any OpenAI-compatible upstream (OpenAI, vLLM, Ollama, Groq, ...): {@code base_url} + the operation's path,
 * {@code Authorization: Bearer}, the body as the client sent it with only the model rewritten. Anthropic
 * Messages clients are translated to chat completions and back. Stateless.
 */
public final class OpenAiAdapter implements ProviderAdapter {
    private final BiFunction<byte[], String, byte[]> messagesToChat;
    private final Function<String, ResponseCodec> chatToMessages;

    /**
     * @param messagesToChat translates an Anthropic Messages request body into a chat request for a model
     * @param chatToMessages for a model, reads chat answers back as Anthropic Messages answers
     */
    public OpenAiAdapter(BiFunction<byte[], String, byte[]> messagesToChat,
                         Function<String, ResponseCodec> chatToMessages) {
        this.messagesToChat = messagesToChat;
        this.chatToMessages = chatToMessages;
    }

    @Override
    public UpstreamRequest prepare(Endpoint endpoint, ProviderRoute provider, UpstreamKey key, String model,
                                   RequestJson body, boolean stream) {
        URI uri = URI.create(trimSlash(provider.baseUrl()) + "/" + openAiPath(endpoint));
        Map<String, String> headers = Map.of("Authorization", "Bearer " + key.value(),
                "Content-Type", "application/json");
        return new UpstreamRequest(uri, headers, body(endpoint, body, model), codec(endpoint, model));
    }

    /** The body for an OpenAI-format upstream, translated when the client spoke Anthropic Messages. */
    byte[] body(Endpoint endpoint, RequestJson body, String model) {
        return endpoint == Endpoint.MESSAGES ? messagesToChat.apply(body.forUpstream(model), model)
                : body.forUpstream(model);
    }

    ResponseCodec codec(Endpoint endpoint, String model) {
        return endpoint == Endpoint.MESSAGES ? chatToMessages.apply(model) : OpenAiPassthrough.INSTANCE;
    }

    static String openAiPath(Endpoint endpoint) {
        return endpoint == Endpoint.MESSAGES ? Endpoint.CHAT.openAiPath() : endpoint.openAiPath();
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
