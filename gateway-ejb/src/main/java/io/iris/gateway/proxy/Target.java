package io.iris.gateway.proxy;

import io.iris.gateway.snapshot.ProviderRoute;
import java.util.Set;
import java.util.UUID;

/**
 * Where one attempt goes: a provider, the model to ask it for, and the key ids the caller may use there
 * (empty: any). Immutable.
 */
public record Target(ProviderRoute provider, String model, Set<UUID> keyIds) {
}
