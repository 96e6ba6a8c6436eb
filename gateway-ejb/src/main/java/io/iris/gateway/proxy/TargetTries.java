package io.iris.gateway.proxy;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.snapshot.UpstreamKey;
import io.iris.gateway.upstream.KeyHealthRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The attempts of one request on one target: retries counted against {@code max_retries}, the keys left out for
 * the rest of the request (rejected with 401/403, or rate-limited while another key remained), and the key of the
 * last attempt, which the next one avoids when the provider has another. Not thread-safe: a call's attempts run
 * one at a time.
 */
final class TargetTries {
    private final Target target;
    private final KeyHealthRegistry health;
    private final Set<UUID> dropped = new HashSet<>();
    private int retriesDone;
    private UpstreamKey last;

    TargetTries(Target target, KeyHealthRegistry health) {
        this.target = target;
        this.health = health;
    }

    Target target() {
        return target;
    }

    int retriesDone() {
        return retriesDone;
    }

    /**
     * A key for the next attempt, by effective weight (configured weight adjusted for health), preferring one
     * other than the last attempt's, among the keys whose circuit lets a request through (a half-open key is taken
     * as its probe).
     *
     * @throws GatewayException when no key is left: every key dropped or open, so the target has failed
     */
    UpstreamKey nextKey() {
        Instant now = Instant.now();
        List<UpstreamKey> usable = usable().stream().filter(k -> health.of(k.id()).available(now)).toList();
        List<UpstreamKey> fresh = last == null ? usable
                : usable.stream().filter(k -> !k.id().equals(last.id())).toList();
        List<UpstreamKey> candidates = new ArrayList<>(fresh.isEmpty() ? usable : fresh);
        while (!candidates.isEmpty()) {
            UpstreamKey picked = Weighted.pick(candidates, health.weights()::effective).orElseThrow();
            if (health.of(picked.id()).tryAcquire(now)) {
                last = picked;
                return picked;
            }
            candidates.remove(picked);
        }
        throw new GatewayException(ErrorType.UPSTREAM_ERROR, "provider '" + target.provider().name()
                + "' has no usable key left for the model '" + target.model() + "'");
    }

    /** Whether the provider has a usable key besides the last attempt's. */
    boolean anotherKey() {
        return usable().stream().anyMatch(k -> last == null || !k.id().equals(last.id()));
    }

    void apply(RetryPolicy.Decision decision) {
        if (decision.dropKey() && last != null) {
            dropped.add(last.id());
        }
        if (decision.countsRetry()) {
            retriesDone++;
        }
    }

    private List<UpstreamKey> usable() {
        return target.provider().usableKeys(target.model(), target.keyIds()).stream()
                .filter(k -> !dropped.contains(k.id()))
                .toList();
    }
}
