package io.iris.gateway.providers.anthropic;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.common.UpstreamMessages;
import io.iris.gateway.providers.Endpoint;
import io.iris.gateway.providers.ProviderAdapter;
import io.iris.gateway.providers.UpstreamRequest;
import io.iris.gateway.proxy.RequestJson;
import io.iris.gateway.snapshot.ProviderRoute;
import io.iris.gateway.snapshot.UpstreamKey;
import java.net.URI;
import java.util.Map;

/**
 * Anthropic Messages at {@code base_url + /v1/messages} with {@code x-api-key} and {@code anthropic-version}.
 * Messages clients pass through; chat clients are translated both ways. Anthropic serves neither legacy
 * completions nor embeddings. Stateless.
 */
public final class AnthropicAdapter implements ProviderAdapter {
    static final String API_VERSION = "2023-06-01";

    @Override
    public UpstreamRequest prepare(Endpoint endpoint, ProviderRoute provider, UpstreamKey key, String model,
                                   RequestJson body, boolean stream) {
        String base = provider.baseUrl().endsWith("/") ? provider.baseUrl().substring(0,
                provider.baseUrl().length() - 1) : provider.baseUrl();
        URI uri = URI.create(base + "/v1/messages");
        Map<String, String> headers = Map.of("x-api-key", key.value(), "anthropic-version", API_VERSION,
                "Content-Type", "application/json");
        UpstreamMessages messages = new UpstreamMessages(provider.name(), key.value());
        return switch (endpoint) {
            case MESSAGES -> new UpstreamRequest(uri, headers, body.forUpstream(model),
                    new AnthropicPassthrough(messages));
            case CHAT -> new UpstreamRequest(uri, headers, AnthropicRequests.fromChat(body.forUpstream(model), model),
                    new MessagesToChatCodec(model, body.asksForUsage(), messages));
            default -> throw new GatewayException(ErrorType.INVALID_REQUEST, "provider '" + provider.name()
                    + "' (anthropic) does not serve " + endpoint.requestType(false) + " requests");
        };
    }
}
