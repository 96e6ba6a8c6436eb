package io.iris.gateway.proxy;

import io.iris.gateway.common.ErrorType;
import io.iris.gateway.common.GatewayException;
import io.iris.gateway.providers.ProviderAdapter;
import io.iris.gateway.providers.ProviderType;
import io.iris.gateway.snapshot.UpstreamKey;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The adapter of each provider type, and the choice of a key for an attempt. Immutable. */
public final class ProviderAdapters {
    private final Map<ProviderType, ProviderAdapter> adapters;

    public ProviderAdapters(Map<ProviderType, ProviderAdapter> adapters) {
        this.adapters = new EnumMap<>(adapters);
    }

    ProviderAdapter forType(ProviderType type) {
        ProviderAdapter adapter = adapters.get(type);
        if (adapter == null) {
            throw new GatewayException(ErrorType.INVALID_REQUEST, "providers of type " + type.wireName()
                    + " are not supported yet");
        }
        return adapter;
    }
}
