package io.iris.gateway.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.iris.gateway.snapshot.ProviderRoute;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link KeyHealth} of every provider key that has served or failed a request, by key id. Per server and in
 * memory: a restart starts every key closed. Thread-safe; one map lookup per use, no shared lock.
 */
@ApplicationScoped
public class KeyHealthRegistry {
    private final Map<UUID, KeyHealth> byKey = new ConcurrentHashMap<>();
    private final KeyWeights weights = new KeyWeights();

    @Inject
    @ConfigProperty(name = "iris.health.failure-threshold", defaultValue = "5")
    int failureThreshold;

    @Inject
    @ConfigProperty(name = "iris.health.open-ms", defaultValue = "30000")
    long openMs;

    public KeyHealth of(UUID keyId) {
        return byKey.computeIfAbsent(keyId, id -> new KeyHealth(failureThreshold, Duration.ofMillis(openMs)));
    }

    /** Effective key weights, recomputed by {@link #recomputeWeights}. */
    public KeyWeights weights() {
        return weights;
    }

    public void recomputeWeights(Collection<ProviderRoute> providers) {
        weights.recompute(providers, this, Instant.now());
    }

    /** Keys with a record so far; an absent key is healthy and closed. */
    public Map<UUID, KeyHealth> all() {
        return Map.copyOf(byKey);
    }
}
