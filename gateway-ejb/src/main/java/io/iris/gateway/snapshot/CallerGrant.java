package io.iris.gateway.snapshot;

import io.iris.gateway.governance.ModelFilter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What one virtual key may do, resolved for the data plane: identity, owner names, and per-provider grants.
 * Immutable.
 */
public record CallerGrant(UUID id, String name, boolean active, Instant expiresAt, UUID teamId, String teamName,
                          UUID customerId, String customerName, boolean allowAllProviders,
                          List<ProviderGrant> providerGrants) {

    /** One provider config of the key; {@code keyIds} empty means any key of the provider. */
    public record ProviderGrant(String provider, double weight, ModelFilter allowed, ModelFilter blocked,
                                Set<UUID> keyIds) {
        public boolean allows(String model) {
            return allowed.matches(model) && !blocked.matches(model);
        }
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public Optional<ProviderGrant> grantFor(String provider) {
        return providerGrants.stream().filter(g -> g.provider().equals(provider)).findFirst();
    }
}
