package io.iris.gateway.providers;

import io.iris.gateway.proxy.RequestJson;
import io.iris.gateway.snapshot.ProviderRoute;
import io.iris.gateway.snapshot.UpstreamKey;

/** Speaks one vendor's protocol. Implementations are stateless and thread-safe. */
public interface ProviderAdapter {
    /**
     * Builds the upstream call for {@code endpoint} with {@code model} as the upstream model.
     *
     * @throws io.iris.gateway.common.GatewayException invalid_request_error when the provider cannot serve the
     *     endpoint (embeddings at Anthropic, say)
     */
    UpstreamRequest prepare(Endpoint endpoint, ProviderRoute provider, UpstreamKey key, String model,
                            RequestJson body, boolean stream);
}
