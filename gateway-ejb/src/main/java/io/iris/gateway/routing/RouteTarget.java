package io.iris.gateway.routing;

import java.util.Optional;
import java.util.UUID;

/**
 * One weighted target of a rule, by provider name. A null provider or model keeps the request's current one;
 * a null key id pins no key. Immutable.
 */
public record RouteTarget(String provider, String model, UUID keyId, double weight) {
    public Optional<String> providerName() {
        return Optional.ofNullable(provider);
    }

    public Optional<String> modelName() {
        return Optional.ofNullable(model);
    }

    public Optional<UUID> pinnedKey() {
        return Optional.ofNullable(keyId);
    }
}
