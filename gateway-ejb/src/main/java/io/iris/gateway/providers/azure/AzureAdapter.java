package io.iris.gateway.providers.azure;

import io.iris.gateway.providers.Endpoint;
import io.iris.gateway.providers.ProviderAdapter;
import io.iris.gateway.providers.UpstreamRequest;
import io.iris.gateway.providers.openai.OpenAiAdapter;
import io.iris.gateway.proxy.RequestJson;
import io.iris.gateway.snapshot.ProviderRoute;
import io.iris.gateway.snapshot.UpstreamKey;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Azure OpenAI: the OpenAI wire format at {@code {base}/openai/deployments/{model}/{operation}?api-version=},
 * authenticated by the {@code api-key} header. The model names the deployment. Composes the OpenAI adapter
 * for everything but the address and the auth header. Stateless.
 */
public final class AzureAdapter implements ProviderAdapter {
    private final OpenAiAdapter openAi;

    public AzureAdapter(OpenAiAdapter openAi) {
        this.openAi = openAi;
    }

    @Override
    public UpstreamRequest prepare(Endpoint endpoint, ProviderRoute provider, UpstreamKey key, String model,
                                   RequestJson body, boolean stream) {
        UpstreamRequest asOpenAi = openAi.prepare(endpoint, provider, key, model, body, stream);
        String path = asOpenAi.uri().getPath();
        String operation = path.substring(path.lastIndexOf('/') + 1);
        if (path.endsWith("chat/completions")) {
            operation = "chat/completions";
        }
        String base = provider.baseUrl().endsWith("/") ? provider.baseUrl().substring(0,
                provider.baseUrl().length() - 1) : provider.baseUrl();
        URI uri = URI.create(base + "/openai/deployments/" + encode(model) + "/" + operation + "?api-version="
                + encode(provider.apiVersion()));
        return new UpstreamRequest(uri, Map.of("api-key", key.value(), "Content-Type", "application/json"),
                asOpenAi.body(), asOpenAi.codec());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
