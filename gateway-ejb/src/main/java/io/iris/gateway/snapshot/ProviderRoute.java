package io.iris.gateway.snapshot;

import io.iris.gateway.providers.ProviderType;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A provider as the data plane sees it: where to call, how long to wait, with which keys. Immutable.
 *
 * @param models the models it lists; {@code servesAny} when the list holds "*"
 */
public record ProviderRoute(UUID id, String name, ProviderType type, String baseUrl, String apiVersion,
                            List<String> models, boolean servesAny, Network network, List<UpstreamKey> keys) {

    /** Timeouts and retry policy, in milliseconds. */
    public record Network(int connectTimeoutMs, int requestTimeoutMs, int streamIdleTimeoutMs, int maxRetries,
                          int retryBackoffInitialMs, int retryBackoffMaxMs) {
    }

    public boolean lists(String model) {
        return servesAny || models.contains(model);
    }

    /** The enabled keys that may serve {@code model}, restricted to {@code allowedIds} unless that is empty. */
    public List<UpstreamKey> usableKeys(String model, Set<UUID> allowedIds) {
        return keys.stream()
                .filter(UpstreamKey::enabled)
                .filter(k -> k.models().matches(model))
                .filter(k -> allowedIds.isEmpty() || allowedIds.contains(k.id()))
                .toList();
    }
}
