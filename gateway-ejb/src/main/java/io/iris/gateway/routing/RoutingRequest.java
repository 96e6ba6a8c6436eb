package io.iris.gateway.routing;

import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What the routing engine knows about one request before any rule runs. Immutable.
 *
 * @param model                   the requested model without its provider prefix
 * @param provider                the provider named by a {@code provider/model} request, {@code ""} for a bare name
 * @param requestType             {@code chat}, {@code chat_stream}, {@code completion}, {@code embedding},
 *                                {@code messages} or {@code messages_stream}
 * @param headers                 request headers, keys lower-cased
 * @param params                  query parameters, keys lower-cased
 * @param estimatedPromptTokens   prompt size estimate, computed only if a rule asks for it
 */
public record RoutingRequest(String model, String provider, String requestType, Map<String, String> headers,
                             Map<String, String> params, CallerIdentity caller, LongSupplier estimatedPromptTokens,
                             long maxTokens, boolean stream) {
    public RoutingRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(requestType, "requestType");
        headers = Map.copyOf(headers);
        params = Map.copyOf(params);
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(estimatedPromptTokens, "estimatedPromptTokens");
    }
}
